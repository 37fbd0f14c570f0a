#!/usr/bin/env python3
"""Counts the SQL statements FocusMate ran (its EF Core command log, Serilog compact JSON) per operation.

usage: sql_per_operation.py LOG  -> statements per timer command (between the first pause and the last command
of the run, divided by the commands in between) and the statement shapes.
"""
import collections
import json
import sys


def shape(row):
    return ' '.join(row.get('commandText', '').split())[:110]


def main(path):
    rows = [json.loads(line) for line in open(path) if 'Executed DbCommand' in line]
    cas = [i for i, r in enumerate(rows) if shape(r).startswith('UPDATE "timers"')]
    if len(cas) < 3:
        print('not enough timer commands in the log')
        return
    window = rows[cas[1]:cas[-1]]
    commands = len(cas) - 2
    print(f'timer commands: {commands}, SQL statements: {len(window)}, per command: {len(window) / commands:.2f}')
    for text, count in collections.Counter(shape(r) for r in window).most_common():
        print(f'  {count / commands:4.1f} x  {text}')


if __name__ == '__main__':
    main(sys.argv[1])
