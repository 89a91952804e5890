S.DumpHost = 'synthetic';
S.DumpUtcCaptureTime = 1700000000;
S.AggregateInfo = {'Frames':2, 'Time':33.200001};
S.CategoryInfo = Array(1);
S.CategoryInfo[0] = "Default";
S.GroupInfo = Array(3);

S.GroupInfo[0] = MakeGroup(0, "Game", 0, 2, 0, 38.000000, 19.000000, 20.000000, '#ff8000');
S.GroupInfo[1] = MakeGroup(1, "GPU", 0, 1, 1, 5.000000, 2.500000, 5.000000, '');
S.GroupInfo[2] = MakeGroup(2, "Uncategorized", -1, 1, 0, 0.000000, 0.000000, 0.000000, 'grey');

S.TimerInfo = Array(3);

S.Meta0 = [];
S.MetaAvg0 = [];
S.MetaMax0 = [];
S.TimerInfo[0] = MakeTimer(0, "Frame", 0, '#ff8000','#7f4000', 16.500000, 20.000000, 13.000000, 9.500000, 13.000000, 16.500000, 2, 33.000000, S.Meta0, S.MetaAvg0, S.MetaMax0, 0);
S.Meta1 = [];
S.MetaAvg1 = [];
S.MetaMax1 = [];
S.TimerInfo[1] = MakeTimer(1, "Update", 0, '#4080ff','#20407f', 3.500000, 4.000000, 3.000000, 3.500000, 4.000000, 3.500000, 2, 7.000000, S.Meta1, S.MetaAvg1, S.MetaMax1, 0);
S.Meta2 = [];
S.MetaAvg2 = [];
S.MetaMax2 = [];
S.TimerInfo[2] = MakeTimer(2, "GpuFrame", 1, '#00ff00','#007f00', 5.000000, 5.000000, 5.000000, 5.000000, 5.000000, 5.000000, 1, 5.000000, S.Meta2, S.MetaAvg2, S.MetaMax2, 0);

S.ThreadNames = ['Main','GPU',];

S.ISGPU = [0,1,];

S.ThreadGroupTime0 = [19.000000,0.000000,0.000000,];
S.ThreadGroupTime1 = [0.000000,2.500000,0.000000,];

S.ThreadGroupTimeArray = [S.ThreadGroupTime0,S.ThreadGroupTime1,];
S.ThreadGroupTimeTotal0 = [38.000000,0.000000,0.000000,];
S.ThreadGroupTimeTotal1 = [0.000000,5.000000,0.000000,];

S.ThreadGroupTimeTotalArray = [S.ThreadGroupTimeTotal0,S.ThreadGroupTimeTotal1,];
S.ThreadIds = [6699,18446744073709551615,];

S.CounterHistory0;

S.CounterInfo = [MakeCounter(0, -1, -1, -1, 0, 'memory', 2048.000000, 0.000000, 4096.000000, '2.048', 0.000000, '0', 0.000000, 1.000000, 1, S.CounterHistory0),];

 //Timeline begin
 //Timeline end
S.Frames = Array(2);
S.ts_0_0 = [0.000000,1.000000,5.000000,15.000000];
S.tt_0_0 = [1,1,0,1];
S.ti_0_0 = [0,1,1,1];
S.ts_0_1 = [0.000256,0.100000,0.000000,5.000000,5.000000,0.000000];
S.tt_0_1 = [1,65535,65531,0,65535,65531];
S.ti_0_1 = [2,-1,0,2,-1,0];
S.ts0 = [S.ts_0_0,S.ts_0_1,];
S.tt0 = [S.tt_0_0,S.tt_0_1,];
S.ti0 = [S.ti_0_0,S.ti_0_1,];
S.Frames[0] = MakeFrame(0, 0.000000, 16.600000, 0.000000, 16.600000, S.ts0, S.tt0, S.ti0);
S.ts_1_0 = [18.000000,20.000000,20.000000,33.000000];
S.tt_1_0 = [0,0,1,0];
S.ti_1_0 = [1,0,0,0];
S.ts_1_1 = [];
S.tt_1_1 = [];
S.ti_1_1 = [];
S.ts1 = [S.ts_1_0,S.ts_1_1,];
S.tt1 = [S.tt_1_0,S.tt_1_1,];
S.ti1 = [S.ti_1_0,S.ti_1_1,];
S.Frames[1] = MakeFrame(0, 16.600000, 33.200000, 16.600000, 33.200000, S.ts1, S.tt1, S.ti1);
S.CSwitchThreadInOutCpu = [];
S.CSwitchTime = [];
S.CSwitchThreads = {};
S.CoreEfficiencyClass = [0,0,];
//String Table
S.StringTable = {}
//CSwitch Size 0
