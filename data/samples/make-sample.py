#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# make-sample.py — writes roblox-script-profiler-sample.json, the capture that
# `bash .ci/dev` opens: a Roblox Script Profiler V2 export
# (docs/formats/script-profiler.md) of a small game, 60 s at 1 kHz.
#
#   python3 data/samples/make-sample.py > data/samples/roblox-script-profiler-sample.json
#   python3 data/samples/make-sample.py --check data/samples/roblox-script-profiler-sample.json
#
# The capture is made the way the engine makes one: a 1 kHz sampler takes call
# stacks, each sample adds its interval (about 1000 µs, a little jitter) to
# every node on its path, so TotalDuration is inclusive by construction and
# every value is close to a multiple of 1000 µs. The generator is seeded and
# uses only random.random(), so every Python 3 writes the same bytes.

import json
import random
import sys

SEED = 20261121
SESSION_START_MS = 1763719200000        # 2025-11-21 10:00:00 UTC
SESSION_MS = 60_000
SAMPLE_HZ = 1000
MAX_DEPTH = 10                          # frames below a category (recursion stops here)

NATIVE = 1
PLUGIN = 2

# Functions: key -> (Name or None, Source or None, Line or None, Flags)
FUNCTIONS = {
    # script / thread labels: only a name
    'label:EnemyAI': ('EnemyAI', None, None, 0),
    'label:RoundManager': ('RoundManager', None, None, 0),
    'label:PartCounter': ('PartCounter', None, None, 0),
    'label:PhysicsSync': ('PhysicsSync', None, None, 0),
    'label:Projectiles': ('Projectiles', None, None, 0),
    'label:CameraController': ('CameraController', None, None, 0),
    'label:HUD': ('HUD', None, None, 0),
    'label:CrowdSim': ('CrowdSim', None, None, 0),
    'label:LootSpawner': ('LootSpawner', None, None, 0),
    'label:VehicleController': ('VehicleController', None, None, 0),
    'label:AnimationController': ('AnimationController', None, None, 0),
    'label:Minimap': ('Minimap', None, None, 0),

    # ReplicatedStorage.Util, shared helpers
    'util:getCharacter': ('getCharacter', 'ReplicatedStorage.Util', 15, 0),
    'util:distance': ('distance', 'ReplicatedStorage.Util', 31, NATIVE),
    'util:getConfig': ('getConfig', 'ReplicatedStorage.Util', 52, 0),

    # ServerScriptService.EnemyAI
    'ai:heartbeat': (None, 'ServerScriptService.EnemyAI', 212, 0),
    'ai:updateEnemies': ('updateEnemies', 'ServerScriptService.EnemyAI', 148, 0),
    'ai:updateTargets': ('updateTargets', 'ServerScriptService.EnemyAI', 42, NATIVE),
    'ai:findNearestPlayer': ('findNearestPlayer', 'ServerScriptService.EnemyAI', 20, 0),
    'ai:hasLineOfSight': ('hasLineOfSight', 'ServerScriptService.EnemyAI', 64, 0),
    'ai:moveEnemy': ('moveEnemy', 'ServerScriptService.EnemyAI', 97, 0),
    'ai:followWaypoints': ('followWaypoints', 'ServerScriptService.EnemyAI', 120, 0),

    # ReplicatedStorage.Pathing (--!native) and its priority queue
    'path:findPath': ('findPath', 'ReplicatedStorage.Pathing', 10, NATIVE),
    'path:getNeighbors': ('getNeighbors', 'ReplicatedStorage.Pathing', 58, NATIVE),
    'path:isWalkable': ('isWalkable', 'ReplicatedStorage.Pathing', 74, NATIVE),
    'path:heuristic': ('heuristic', 'ReplicatedStorage.Pathing', 4, NATIVE),
    'path:reconstructPath': ('reconstructPath', 'ReplicatedStorage.Pathing', 92, NATIVE),
    'pq:push': ('push', 'ReplicatedStorage.Pathing.PriorityQueue', 12, 0),
    'pq:pop': ('pop', 'ReplicatedStorage.Pathing.PriorityQueue', 30, 0),
    'pq:siftUp': ('siftUp', 'ReplicatedStorage.Pathing.PriorityQueue', 45, 0),
    'pq:siftDown': ('siftDown', 'ReplicatedStorage.Pathing.PriorityQueue', 61, 0),

    # ServerScriptService.RoundManager
    'round:heartbeat': (None, 'ServerScriptService.RoundManager', 35, 0),
    'round:tickRound': ('tickRound', 'ServerScriptService.RoundManager', 60, 0),
    'round:broadcastState': ('broadcastState', 'ServerScriptService.RoundManager', 90, 0),
    'round:checkWinCondition': ('checkWinCondition', 'ServerScriptService.RoundManager', 110, 0),

    # A Studio plugin running in the session
    'plugin:heartbeat': (None, 'user_PartCounter.rbxmx.PartCounter.Main', 8, PLUGIN),
    'plugin:countParts': ('countParts', 'user_PartCounter.rbxmx.PartCounter.Main', 21, PLUGIN),

    # ServerScriptService.PhysicsSync
    'phys:stepped': (None, 'ServerScriptService.PhysicsSync', 18, 0),
    'phys:syncAssemblies': ('syncAssemblies', 'ServerScriptService.PhysicsSync', 40, 0),

    # ReplicatedStorage.Projectiles
    'proj:stepped': (None, 'ReplicatedStorage.Projectiles', 200, 0),
    'proj:stepProjectiles': ('stepProjectiles', 'ReplicatedStorage.Projectiles', 120, 0),
    'proj:castSegment': ('castSegment', 'ReplicatedStorage.Projectiles', 80, 0),
    'proj:applyHit': ('applyHit', 'ReplicatedStorage.Projectiles', 150, 0),

    # StarterPlayerScripts.CameraController
    'cam:renderStepped': (None, 'StarterPlayerScripts.CameraController', 230, 0),
    'cam:updateCamera': ('updateCamera', 'StarterPlayerScripts.CameraController', 150, 0),
    'cam:computeOcclusion': ('computeOcclusion', 'StarterPlayerScripts.CameraController', 95, 0),
    'cam:smoothFollow': ('smoothFollow', 'StarterPlayerScripts.CameraController', 60, 0),

    # StarterPlayerScripts.HUD
    'hud:renderStepped': (None, 'StarterPlayerScripts.HUD', 300, 0),
    'hud:renderHUD': ('renderHUD', 'StarterPlayerScripts.HUD', 140, 0),
    'hud:layoutChildren': ('layoutChildren', 'StarterPlayerScripts.HUD', 80, 0),
    'hud:updateHealthBar': ('updateHealthBar', 'StarterPlayerScripts.HUD', 40, 0),

    # ServerScriptService.CrowdActor.CrowdSim (an Actor: Parallel Luau, native)
    'crowd:parallel': (None, 'ServerScriptService.CrowdActor.CrowdSim', 12, NATIVE),
    'crowd:simulateAgents': ('simulateAgents', 'ServerScriptService.CrowdActor.CrowdSim', 40, NATIVE),
    'crowd:steer': ('steer', 'ServerScriptService.CrowdActor.CrowdSim', 80, NATIVE),
    'crowd:separation': ('separation', 'ServerScriptService.CrowdActor.CrowdSim', 110, NATIVE),
    'crowd:cohesion': ('cohesion', 'ServerScriptService.CrowdActor.CrowdSim', 130, NATIVE),

    # ServerScriptService.LootSpawner
    'loot:heartbeat': (None, 'ServerScriptService.LootSpawner', 55, 0),
    'loot:spawnWave': ('spawnWave', 'ServerScriptService.LootSpawner', 70, 0),
    'loot:pickSpawnPoint': ('pickSpawnPoint', 'ServerScriptService.LootSpawner', 30, 0),

    # StarterPlayerScripts.VehicleController
    'veh:stepped': (None, 'StarterPlayerScripts.VehicleController', 88, 0),
    'veh:updateVehicle': ('updateVehicle', 'StarterPlayerScripts.VehicleController', 120, 0),
    'veh:applySuspension': ('applySuspension', 'StarterPlayerScripts.VehicleController', 150, 0),
    'veh:applyThrottle': ('applyThrottle', 'StarterPlayerScripts.VehicleController', 190, 0),

    # StarterPlayerScripts.AnimationController
    'anim:renderStepped': (None, 'StarterPlayerScripts.AnimationController', 45, 0),
    'anim:stepAnimations': ('stepAnimations', 'StarterPlayerScripts.AnimationController', 60, 0),
    'anim:blendTracks': ('blendTracks', 'StarterPlayerScripts.AnimationController', 100, 0),

    # StarterPlayerScripts.Minimap
    'map:renderStepped': (None, 'StarterPlayerScripts.Minimap', 210, 0),
    'map:drawMinimap': ('drawMinimap', 'StarterPlayerScripts.Minimap', 150, 0),
    'map:worldToMap': ('worldToMap', 'StarterPlayerScripts.Minimap', 20, 0),
    'map:drawBlip': ('drawBlip', 'StarterPlayerScripts.Minimap', 98, 0),

    # Engine API, property access, garbage collection
    'c:Clone': ('Instance.Clone', '[C]', None, 0),
    'c:Parent': ('Instance.Parent', '[C]', None, 0),
    'c:NextNumber': ('Random.NextNumber', '[C]', None, 0),
    'c:PlayerCharacter': ('Player.Character', '[C]', None, 0),
    'c:VectorForce': ('VectorForce.Force', '[C]', None, 0),
    'c:AssemblyLinearVelocity': ('BasePart.AssemblyLinearVelocity', '[C]', None, 0),
    'c:AdjustWeight': ('AnimationTrack.AdjustWeight', '[C]', None, 0),
    'c:GetPlayingAnimationTracks': ('Animator.GetPlayingAnimationTracks', '[C]', None, 0),
    'c:GuiPosition': ('GuiObject.Position', '[C]', None, 0),
    'c:GetChildren': ('Instance.GetChildren', '[C]', None, 0),
    'c:Raycast': ('WorldRoot.Raycast', '[C]', None, 0),
    'c:GetPartBoundsInBox': ('WorldRoot.GetPartBoundsInBox', '[C]', None, 0),
    'c:GetPartBoundsInRadius': ('WorldRoot.GetPartBoundsInRadius', '[C]', None, 0),
    'c:FindFirstChild': ('Instance.FindFirstChild', '[C]', None, 0),
    'c:GetAttribute': ('Instance.GetAttribute', '[C]', None, 0),
    'c:GetDescendants': ('Instance.GetDescendants', '[C]', None, 0),
    'c:IsA': ('Instance.IsA', '[C]', None, 0),
    'c:GetPlayers': ('Players.GetPlayers', '[C]', None, 0),
    'c:GetPivot': ('PVInstance.GetPivot', '[C]', None, 0),
    'c:MoveTo': ('Humanoid.MoveTo', '[C]', None, 0),
    'c:TakeDamage': ('Humanoid.TakeDamage', '[C]', None, 0),
    'c:RaycastParams': ('RaycastParams.new', '[C]', None, 0),
    'c:FireAllClients': ('RemoteEvent.FireAllClients', '[C]', None, 0),
    'c:JSONEncode': ('HttpService.JSONEncode', '[C]', None, 0),
    'c:SetNetworkOwner': ('BasePart.SetNetworkOwner', '[C]', None, 0),
    'c:WorldToViewportPoint': ('Camera.WorldToViewportPoint', '[C]', None, 0),
    'c:CameraCFrame': ('Camera.CFrame', '[C]', None, 0),
    'c:CFrameLerp': ('CFrame.Lerp', '[C]', None, 0),
    'c:AbsoluteSize': ('GuiObject.AbsoluteSize', '[C]', None, 0),
    'c:TextLabelText': ('TextLabel.Text', '[C]', None, 0),
    'c:FrameSize': ('Frame.Size', '[C]', None, 0),
    'c:TweenCreate': ('TweenService.Create', '[C]', None, 0),
    'c:synchronize': ('task.synchronize', '[C]', None, 0),
    'gc': ('GC', 'GC', None, 0),
}

# Call graph: key -> (self weight, [(callee, weight), ...]). A sample stops in
# a frame with probability self / (self + Σ callee weights).
CALLS = {
    'label:EnemyAI': (0, [('ai:heartbeat', 1)]),
    'ai:heartbeat': (2, [('ai:updateEnemies', 30), ('gc', 1)]),
    'ai:updateEnemies': (3, [('ai:updateTargets', 10), ('ai:moveEnemy', 16), ('gc', 2),
                             ('c:FindFirstChild', 2)]),
    'ai:updateTargets': (2, [('ai:findNearestPlayer', 5), ('ai:hasLineOfSight', 7)]),
    'ai:findNearestPlayer': (3, [('c:GetPlayers', 1), ('util:getCharacter', 3), ('c:GetPivot', 2),
                                 ('util:distance', 3)]),
    'ai:hasLineOfSight': (1, [('c:Raycast', 8), ('c:RaycastParams', 1)]),
    'ai:moveEnemy': (1, [('path:findPath', 14), ('ai:followWaypoints', 3), ('c:MoveTo', 2)]),
    'ai:followWaypoints': (2, [('c:MoveTo', 2), ('c:GetPivot', 1), ('util:distance', 1)]),
    'path:findPath': (3, [('path:getNeighbors', 8), ('path:heuristic', 3), ('pq:push', 3),
                          ('pq:pop', 4), ('path:reconstructPath', 1), ('gc', 1),
                          ('util:getConfig', 0.5)]),
    'path:heuristic': (3, [('util:distance', 2)]),
    'path:getNeighbors': (2, [('path:isWalkable', 6), ('c:Raycast', 3)]),
    'path:isWalkable': (2, [('c:GetPartBoundsInBox', 5), ('c:GetAttribute', 1)]),
    'pq:push': (2, [('pq:siftUp', 3)]),
    'pq:pop': (2, [('pq:siftDown', 4)]),
    'pq:siftUp': (1, []),
    'pq:siftDown': (3, [('pq:siftDown', 1.5)]),    # recursive
    'path:reconstructPath': (2, [('gc', 0.5)]),

    'util:getCharacter': (1, [('c:PlayerCharacter', 2), ('c:FindFirstChild', 2)]),
    'util:distance': (1, []),
    'util:getConfig': (1, [('c:GetAttribute', 2), ('c:FindFirstChild', 1)]),

    'label:RoundManager': (0, [('round:heartbeat', 1)]),
    'round:heartbeat': (1, [('round:tickRound', 6)]),
    'round:tickRound': (1, [('round:broadcastState', 3), ('round:checkWinCondition', 2)]),
    'round:broadcastState': (1, [('c:FireAllClients', 2), ('c:JSONEncode', 3), ('gc', 1)]),
    'round:checkWinCondition': (1, [('c:GetPlayers', 1), ('c:GetAttribute', 2),
                                    ('util:getCharacter', 2), ('util:getConfig', 1)]),

    'label:PartCounter': (0, [('plugin:heartbeat', 1)]),
    'plugin:heartbeat': (1, [('plugin:countParts', 5)]),
    'plugin:countParts': (2, [('c:GetDescendants', 3), ('c:IsA', 3)]),

    'label:PhysicsSync': (0, [('phys:stepped', 1)]),
    'phys:stepped': (1, [('phys:syncAssemblies', 5)]),
    'phys:syncAssemblies': (3, [('c:SetNetworkOwner', 2), ('c:FindFirstChild', 2),
                                ('c:GetPivot', 1), ('c:AssemblyLinearVelocity', 2),
                                ('util:getCharacter', 1)]),

    'label:Projectiles': (0, [('proj:stepped', 1)]),
    'proj:stepped': (1, [('proj:stepProjectiles', 8)]),
    'proj:stepProjectiles': (3, [('proj:castSegment', 6), ('proj:applyHit', 2), ('gc', 1)]),
    'proj:castSegment': (1, [('c:Raycast', 6), ('c:RaycastParams', 1), ('util:distance', 1)]),
    'proj:applyHit': (1, [('c:TakeDamage', 2), ('util:getCharacter', 2), ('util:getConfig', 1)]),

    'label:CameraController': (0, [('cam:renderStepped', 1)]),
    'cam:renderStepped': (1, [('cam:updateCamera', 8)]),
    'cam:updateCamera': (2, [('cam:computeOcclusion', 5), ('cam:smoothFollow', 3),
                             ('c:CameraCFrame', 1), ('util:getCharacter', 1)]),
    'cam:computeOcclusion': (1, [('c:Raycast', 5), ('c:WorldToViewportPoint', 2)]),
    'cam:smoothFollow': (2, [('c:CFrameLerp', 2), ('c:CameraCFrame', 1)]),

    'label:HUD': (0, [('hud:renderStepped', 1)]),
    'hud:renderStepped': (1, [('hud:renderHUD', 8), ('gc', 1)]),
    'hud:renderHUD': (2, [('hud:layoutChildren', 6), ('hud:updateHealthBar', 3)]),
    'hud:layoutChildren': (2, [('hud:layoutChildren', 2.5), ('c:AbsoluteSize', 2),
                               ('c:TextLabelText', 1)]),     # recursive
    'hud:updateHealthBar': (1, [('c:FrameSize', 2), ('c:TweenCreate', 1),
                                ('util:getCharacter', 1)]),

    'label:CrowdSim': (0, [('crowd:parallel', 1)]),
    'crowd:parallel': (1, [('crowd:simulateAgents', 10), ('c:synchronize', 1)]),
    'crowd:simulateAgents': (2, [('crowd:steer', 8), ('c:GetPartBoundsInRadius', 3)]),
    'crowd:steer': (2, [('crowd:separation', 4), ('crowd:cohesion', 3)]),
    'crowd:separation': (2, [('util:distance', 2)]),
    'crowd:cohesion': (2, [('util:distance', 1)]),

    'label:LootSpawner': (0, [('loot:heartbeat', 1)]),
    'loot:heartbeat': (1, [('loot:spawnWave', 4)]),
    'loot:spawnWave': (2, [('loot:pickSpawnPoint', 3), ('c:Clone', 3), ('c:Parent', 2),
                           ('gc', 1), ('util:getConfig', 1)]),
    'loot:pickSpawnPoint': (1, [('c:GetPartBoundsInRadius', 3), ('c:NextNumber', 1)]),

    'label:VehicleController': (0, [('veh:stepped', 1)]),
    'veh:stepped': (1, [('veh:updateVehicle', 6)]),
    'veh:updateVehicle': (2, [('veh:applySuspension', 5), ('veh:applyThrottle', 2),
                              ('c:AssemblyLinearVelocity', 1)]),
    'veh:applySuspension': (2, [('c:Raycast', 5), ('c:VectorForce', 1), ('util:distance', 1)]),
    'veh:applyThrottle': (1, [('c:VectorForce', 2), ('util:getConfig', 1)]),

    'label:AnimationController': (0, [('anim:renderStepped', 1)]),
    'anim:renderStepped': (1, [('anim:stepAnimations', 5)]),
    'anim:stepAnimations': (2, [('anim:blendTracks', 4), ('c:GetPlayingAnimationTracks', 2),
                                ('util:getCharacter', 1)]),
    'anim:blendTracks': (2, [('c:AdjustWeight', 3), ('gc', 0.5)]),

    'label:Minimap': (0, [('map:renderStepped', 1)]),
    'map:renderStepped': (1, [('map:drawMinimap', 5)]),
    'map:drawMinimap': (2, [('map:drawBlip', 4), ('c:GetPlayers', 1), ('c:GetChildren', 1),
                            ('gc', 0.5)]),
    'map:drawBlip': (2, [('map:worldToMap', 3), ('c:GuiPosition', 2), ('util:getCharacter', 1)]),
    'map:worldToMap': (2, [('util:distance', 1)]),
}

# Incidental calls any named Luau function makes now and then (on top of CALLS):
# rare paths, as in real captures, where most nodes hold a sample or two
INCIDENTAL = [('gc', 0.25), ('c:FindFirstChild', 0.2), ('c:GetAttribute', 0.15),
              ('c:IsA', 0.1)]

# Categories and the scripts that run in them, with the share of samples
CATEGORIES = [
    ('Heartbeat', 0.040, [('label:EnemyAI', 7), ('label:RoundManager', 1.5),
                          ('label:LootSpawner', 1.5), ('label:PartCounter', 1)]),
    ('Stepped', 0.016, [('label:Projectiles', 3), ('label:PhysicsSync', 2),
                        ('label:VehicleController', 2)]),
    ('RenderStepped', 0.024, [('label:CameraController', 3), ('label:HUD', 2),
                              ('label:AnimationController', 1.5), ('label:Minimap', 1)]),
    ('Parallel Luau', 0.014, [('label:CrowdSim', 1)]),
]

# Sampler jitter added to the 1000 µs interval
JITTER_US = [0, 0, 0, 0, 1, 1, 2, 3, 4, 6, 8, 12, 16, 23]


def pick(rng, choices):
    """Weighted choice of a key from [(key, weight), ...] with rng.random() only."""
    total = sum(w for _, w in choices)
    x = rng.random() * total
    for key, w in choices:
        x -= w
        if x < 0:
            return key
    return choices[-1][0]


class Node:
    __slots__ = ('function', 'total', 'children')

    def __init__(self, function):
        self.function = function
        self.total = 0
        self.children = {}          # function key -> Node


def sample_stack(rng, label):
    stack = [label]
    while len(stack) < MAX_DEPTH:
        self_weight, callees = CALLS.get(stack[-1], (1, []))
        name, source, _, _ = FUNCTIONS[stack[-1]]
        if name is not None and source not in (None, '[C]', 'GC'):
            known = {key for key, _ in callees}
            callees = callees + [c for c in INCIDENTAL if c[0] not in known]
        choices = [(None, self_weight)] + callees if self_weight > 0 else callees
        if not choices:
            break
        callee = pick(rng, choices)
        if callee is None:
            break
        stack.append(callee)
    return stack


def build():
    rng = random.Random(SEED)
    samples = SESSION_MS * SAMPLE_HZ // 1000
    roots = []
    for name, share, scripts in CATEGORIES:
        root = Node(None)
        roots.append((name, root))
        for _ in range(samples):
            if rng.random() >= share:
                continue
            interval = 1000 + JITTER_US[int(rng.random() * len(JITTER_US))]
            node = root
            node.total += interval
            for key in sample_stack(rng, pick(rng, scripts)):
                child = node.children.get(key)
                if child is None:
                    child = node.children[key] = Node(key)
                child.total += interval
                node = child
    return roots


def export(roots):
    """Lays the trees out as a V2 export: nodes in depth-first pre-order,
    children by descending total, functions in order of first use."""
    function_ids = {}
    functions = []
    nodes = []
    categories = []

    def function_id(key):
        if key not in function_ids:
            function_ids[key] = len(functions) + 1
            functions.append(key)
        return function_ids[key]

    def ordered(node):
        return sorted(node.children.values(),
                      key=lambda n: (-n.total, FUNCTIONS[n.function][0] or '',
                                     FUNCTIONS[n.function][2] or 0))

    # pass 1: ids; pass 2: records (a node's record needs its children's ids)
    node_ids = {}
    for name, root in roots:
        stack = [root]
        while stack:
            node = stack.pop()
            node_ids[id(node)] = len(node_ids) + 1
            if node.function is not None:
                function_id(node.function)
            stack.extend(reversed(ordered(node)))

    records = [None] * len(node_ids)
    per_function = {key: 0 for key in functions}
    for name, root in roots:
        categories.append({'Name': name, 'NodeId': node_ids[id(root)]})
        stack = [(root, frozenset())]
        while stack:
            node, above = stack.pop()
            if node.function is not None and node.function not in above:
                per_function[node.function] += node.total     # once per path
            below = (above | {node.function}) if node.function else above
            record = {'TotalDuration': node.total}
            children = ordered(node)
            if children:
                record['FunctionIds'] = [function_ids[c.function] for c in children]
                record['NodeIds'] = [node_ids[id(c)] for c in children]
            records[node_ids[id(node)] - 1] = record
            stack.extend((c, below) for c in reversed(children))
    nodes = records

    function_records = []
    for key in functions:
        name, source, line, flags = FUNCTIONS[key]
        record = {}
        if name is not None:
            record['Name'] = name
        if source is not None:
            record['Source'] = source
        if line is not None:
            record['Line'] = line
        record['TotalDuration'] = per_function[key]
        if flags:
            record['Flags'] = flags
        function_records.append(record)

    return {
        'Version': 2,
        'SessionStartTime': SESSION_START_MS,
        'SessionEndTime': SESSION_START_MS + SESSION_MS,
        'Categories': categories,
        'Nodes': nodes,
        'Functions': function_records,
    }


def dumps(doc):
    """One node or function per line: readable diffs, still one JSON value."""
    def compact(value):
        return json.dumps(value, separators=(',', ':'), ensure_ascii=False)

    lines = ['{"Version":%d,"SessionStartTime":%d,"SessionEndTime":%d,'
             % (doc['Version'], doc['SessionStartTime'], doc['SessionEndTime']),
             ' "Categories":' + compact(doc['Categories']) + ',',
             ' "Nodes":[']
    lines += ['  ' + compact(n) + ',' for n in doc['Nodes']]
    lines[-1] = lines[-1][:-1] + '],'
    lines.append(' "Functions":[')
    lines += ['  ' + compact(f) + ',' for f in doc['Functions']]
    lines[-1] = lines[-1][:-1] + ']}'
    return '\n'.join(lines) + '\n'


def check(path):
    """Validates the committed sample: it parses, it is what this script
    writes, and it keeps the V2 invariants Hearth relies on."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    doc = json.loads(text)
    errors = []

    if text != dumps(export(build())):
        errors.append('out of date: regenerate with make-sample.py')

    nodes, functions = doc['Nodes'], doc['Functions']
    if doc['Version'] != 2:
        errors.append('Version is not 2')
    if doc['SessionEndTime'] - doc['SessionStartTime'] != SESSION_MS:
        errors.append('session is not 60 s')
    seen = set()
    for i, node in enumerate(nodes, 1):
        fids, nids = node.get('FunctionIds', []), node.get('NodeIds', [])
        if len(fids) != len(nids):
            errors.append('Nodes[%d]: FunctionIds and NodeIds differ in length' % (i - 1))
            continue
        for fid in fids:
            if not 1 <= fid <= len(functions):
                errors.append('Nodes[%d]: function id %d out of range' % (i - 1, fid))
        for nid in nids:
            if not 1 <= nid <= len(nodes):
                errors.append('Nodes[%d]: node id %d out of range' % (i - 1, nid))
            elif nid in seen:
                errors.append('Nodes[%d]: node %d reached twice' % (i - 1, nid))
            else:
                seen.add(nid)
        children = sum(nodes[n - 1]['TotalDuration'] for n in nids if 1 <= n <= len(nodes))
        if node['TotalDuration'] < children:
            errors.append('Nodes[%d]: TotalDuration %d < children %d'
                          % (i - 1, node['TotalDuration'], children))
    roots = {c['NodeId'] for c in doc['Categories']}
    if roots & seen:
        errors.append('a category root is also a child')
    if len(roots | seen) != len(nodes):
        errors.append('unreachable nodes')

    for message in errors:
        print('%s: %s' % (path, message), file=sys.stderr)
    if not errors:
        print('%s: ok: %d categories, %d nodes, %d functions'
              % (path, len(doc['Categories']), len(nodes), len(functions)))
    return 1 if errors else 0


def main(argv):
    if len(argv) == 3 and argv[1] == '--check':
        return check(argv[2])
    if len(argv) != 1:
        print('usage: make-sample.py [--check FILE]', file=sys.stderr)
        return 2
    sys.stdout.write(dumps(export(build())))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
