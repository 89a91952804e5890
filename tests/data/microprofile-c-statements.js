DumpHost = 'synthetic';
DumpUtcCaptureTime = 1700000000;
AggregateInfo = {'Frames':2, 'Time':33.200000};
PlatformInfo = 'Synthetic platform';
GeneralInfo = JSON.parse('{"PlaceId":0}');
CategoryInfo = Array(1);
CategoryInfo[0] = "Default";
GroupInfo = Array(2);
GroupInfo[0] = MakeGroup(0, "Game", 0, 2, 0, 38.000000, 19.000000, 20.000000, '#ff8000');
GroupInfo[1] = MakeGroup(1, "GPU", 0, 1, 1, 5.000000, 2.500000, 5.000000, '#00ff00');
TimerInfo = Array(3);
TimerInfo[0] = MakeTimer(0, "Frame", 0, '#ff8000','#7f4000', 16.500000, 20.000000, 13.000000, 9.500000, 13.000000, 16.500000, 2, 33.000000,
	[0x3,],[0x3,],[0x3,]);
TimerInfo[1] = MakeTimer(1, "Update", 0, '#4080ff','#20407f', 3.500000, 4.000000, 3.000000, 3.500000, 4.000000, 3.500000, 2, 7.000000,
	[0,],[0,],[0,]);
TimerInfo[2] = MakeTimer(2, "GpuFrame", 1, '#00ff00','#007f00', 5.000000, 5.000000, 5.000000, 5.000000, 5.000000, 5.000000, 1, 5.000000,
	[0,],[0,],[0,]);
ThreadNames = [
'Main','GPU',];
ThreadIds = [
0x1a2b,0,];
ThreadGpu = [0,1,];
ThreadClobbered = [0,0,];
ThreadBufferSizes = [
0x40000,0x40000,];
ThreadGroupTimeArray = [
MakeTimes(1.000000e-04,[0x4c2c0,0,]),
MakeTimes(1.000000e-06,[0,0x4c4a40,]),
];
MetaNames = [
'Allocs',];
CounterInfo = [
MakeCounter(0, -1, -1, -1, 0, 'memory', 2048, 0, 4096, '2.048', 0, '0', 1, 0.000000, 1.000000, [0,0x400,0x800,]),
];
ExtensionList = [];
EnabledFastFlags = [
];
CGlobalLabels = [
];
Frames = Array(2);
S = {};
S.tt0 = [
[1,3,1,0x94,0x80,0xb,0,1,],
[1,4,0,4,],
];
S.ts0 = [
MakeTimesType(1.000000e-04,S.tt0[0],[0,0,0x2710,0x400000005000002n,0x40000000040n,0,0xc350,0x249f0,]),
MakeTimesExtra(1.000000e-06,1.000000e-04,S.tt0[1],[0x100,0x3e8,0x4c4b40,0xc350,]),
];
S.ti0 = [
[0,0,1,0,0,0,1,1,],
[2,0,2,0,],
];
S.tl0 = [
["hello",],
[],
];
Frames[0] = MakeFrame(0, 0.000000, 16.600000, 0.000000, 16.600000, S.ts0, S.tt0, S.ti0, S.tl0, 0, 0, 3000.0,  512.0, 1024.0, 0.012, 5, 0.004, 2,   0.50,  15.00,  12.00,   4.00); 
S = {};
S.tt1 = [
[0,0,1,0,],
[],
];
S.ts1 = [
MakeTimes(1.000000e-04,[0x2bf20,0x30d40,0x30d40,0x50910,]),
MakeTimesExtra(1.000000e-06,1.000000e-04,S.tt1[1],[]),
];
S.ti1 = [
[1,0,0,0,],
[],
];
S.tl1 = [
[],
[],
];
Frames[1] = MakeFrame(0, 16.600000, 33.200000, 16.600000, 33.200000, S.ts1, S.tt1, S.ti1, S.tl1, 0, 0, 3000.0,  512.0, 1024.0, 0.000, 0, 0.000, 0,   0.10,  30.00,  31.00,   3.00); 
CSwitchThreadInOutCpu = [
];
CSwitchTime = [
];
CSwitchThreads = {};
