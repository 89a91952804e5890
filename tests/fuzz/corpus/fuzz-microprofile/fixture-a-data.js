var DumpHost = 'synthetic';
var DumpUtcCaptureTime = 1700000000;
var AggregateInfo = {'Frames':2, 'Time':33.200000};
var CategoryInfo = Array(1);
CategoryInfo[0] = "Default";
var GroupInfo = Array(2);

GroupInfo[0] = MakeGroup(0, "Game", 0, 2, 0, 38.000000, 19.000000, 20.000000, '#ff8000');
GroupInfo[1] = MakeGroup(1, "GPU", 0, 1, 1, 5.000000, 2.500000, 5.000000, '#00ff00');

var TimerInfo = Array(3);

TimerInfo[0] = MakeTimer(0, "Frame", 0, '#ff8000','#7f4000', 16.500000, 20.000000, 13.000000, 9.500000, 13.000000, 16.500000, 2, 33.000000,
	[0x3,],[0x3,],[0x3,]);
TimerInfo[1] = MakeTimer(1, "Update", 0, '#4080ff','#20407f', 3.500000, 4.000000, 3.000000, 3.500000, 4.000000, 3.500000, 2, 7.000000,
	[0,],[0,],[0,]);
TimerInfo[2] = MakeTimer(2, "GpuFrame", 1, '#00ff00','#007f00', 5.000000, 5.000000, 5.000000, 5.000000, 5.000000, 5.000000, 1, 5.000000,
	[0,],[0,],[0,]);

var ThreadNames = ['Main','GPU',];

var ThreadIds = [0x1a2b,0,];

var ThreadGpu = [0,1,];

var ThreadGroupTimeArray = [
MakeTimes(1.000000e-04,[0x4c2c0,0,]),
MakeTimes(1.000000e-06,[0,0x4c4a40,]),
];
var MetaNames = ['Allocs',];

var CounterInfo = [MakeCounter(0, -1, -1, -1, 0, 'memory', 2048, 0, 4096, '2.048', 0, '0', 1, 0.000000, 1.000000, [0,0x400,0x800,]),
];

var Frames = Array(2);
var tt0 = [
[1,3,1,0xb,0,1,],
[1,4,0,4,],
];
var ts0 = [
MakeTimes(1.000000e-04,[0,0,0x2710,0,0xc350,0x249f0,]),
MakeTimesExtra(1.000000e-06,1.000000e-04,tt0[1],[0x100,0x3e8,0x4c4b40,0xc350,]),
];
var ti0 = [
[0,0,1,0,1,1,],
[2,0,2,0,],
];
var tl0 = [
["hello",],
[],
];
Frames[0] = MakeFrame(0, 0.000000, 16.600000, 0.000000, 16.600000, ts0, tt0, ti0, tl0);
var tt1 = [
[0,0,1,0,],
[],
];
var ts1 = [
MakeTimes(1.000000e-04,[0x2bf20,0x30d40,0x30d40,0x50910,]),
MakeTimesExtra(1.000000e-06,1.000000e-04,tt1[1],[]),
];
var ti1 = [
[1,0,0,0,],
[],
];
var tl1 = [
[],
[],
];
Frames[1] = MakeFrame(0, 16.600000, 33.200000, 16.600000, 33.200000, ts1, tt1, ti1, tl1);
var CSwitchThreadInOutCpu = [
];
var CSwitchTime = [
];
var CSwitchThreads = {};
