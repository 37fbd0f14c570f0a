#!/usr/bin/env python3
"""Summarise a dotnet-trace speedscope file (dotnet-sampled-thread-time profile) of FocusMate.

Counts only samples where the thread was running (leaf CPU_TIME, or UNMANAGED_CODE_TIME not under a wait),
then prints the inclusive share of FocusMate / EF Core / SignalR / SQLite frames and the split of the timer
command path (TimerService.ExecuteAsync) into its direct FocusMate callees.
usage: speedscope_summary.py FILE.speedscope.json
"""
import collections
import json
import sys

WAITS = ('Wait', 'Sleep', 'EventLoop', 'SpinWait', 'Semaphore', 'Monitor', 'epoll', 'Join', 'FileSystemWatcher', 'Interop+Sys.Read')
KEYS = ('FocusMate', 'EntityFrameworkCore', 'SignalR', 'Sqlite', 'System.Text.Json', 'RunFinalizers', 'SafeHandle.Finalize', 'PollGC')


def busy_samples(doc):
    frames = [f['name'] for f in doc['shared']['frames']]
    for profile in doc['profiles']:
        stack, last = [], None
        for event in profile['events']:
            at = event['at']
            if last is not None and stack:
                names = [frames[i] for i in stack]
                leaf, parent = names[-1], (names[-2] if len(names) > 1 else '')
                running = leaf == 'CPU_TIME' or (leaf == 'UNMANAGED_CODE_TIME' and not any(w in parent for w in WAITS))
                if running:
                    yield names, at - last
            last = at
            if event['type'] == 'O':
                stack.append(event['frame'])
            elif stack:
                stack.pop()


def split(samples, root):
    parts, total = collections.Counter(), 0.0
    for names, ms in samples:
        for k, name in enumerate(names):
            if root in name:
                total += ms
                callee = next((m.split('!')[-1][:110] for m in names[k + 1:] if 'FocusMate' in m and root not in m), '(own frames, EF calls made directly)')
                parts[callee] += ms
                break
    return total, parts


def main(path):
    samples = list(busy_samples(json.load(open(path))))
    total = sum(ms for _, ms in samples)
    inclusive = collections.Counter()
    for names, ms in samples:
        for name in set(names):
            if any(k in name for k in KEYS):
                inclusive[name] += ms
    print(f'running samples: {total / 1000:.1f} s of thread time')
    print('\n## inclusive share of running samples (top 40)')
    for name, ms in inclusive.most_common(40):
        print(f'{100 * ms / total:5.1f}%  {name.split("!")[-1][:150]}')
    for root in ('TimerService+<ExecuteAsync>', 'TimerService+<CommitAsync>', 'HubRoomEvents+<SendAsync>'):
        sub, parts = split(samples, root)
        if sub:
            print(f'\n## {root}: {100 * sub / total:.1f}% of running samples, split by callee')
            for name, ms in parts.most_common(10):
                print(f'{100 * ms / sub:5.1f}%  {name}')


if __name__ == '__main__':
    main(sys.argv[1])
