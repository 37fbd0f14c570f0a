#!/usr/bin/env python3
"""The fan-out on PostgreSQL as a report.md section: reads the JSON objects `FocusMate.Bench fanout` printed."""
import json
import sys


def results(path):
    text = open(path, encoding="utf-8").read()
    decoder, at = json.JSONDecoder(), 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            return
        value, at = decoder.raw_decode(text, at)
        yield value


def main(path, label):
    print("\n## Fan-out on PostgreSQL (single instance)\n")
    print(f"FocusMate ({label}) on a local PostgreSQL in a fresh database, after the SQLite runs, same generator and clients.\n")
    print("| clients | rooms | cmd/s | p50 ms | p95 ms | p99 ms | max ms | delivered / expected | lost | out of order | errors "
          "| server cores | µs CPU / delivery | others cores |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results(path):
        lat, cpu = r["latency"], r["cpu"]
        print(f"| {r['clients']:,} | {r['rooms']} | {r['commands_per_second']:,.0f} | {lat['p50']:.1f} | {lat['p95']:.1f} | {lat['p99']:.1f} "
              f"| {lat['max']:.1f} | {r['delivered']:,} / {r['expected']:,} | {r['lost']} | {r['out_of_order']} | {r['command_errors']} "
              f"| {cpu['server_cores']:.2f} | {r['server_cpu_micros_per_delivery']:.0f} | {cpu['other_cores']:.2f} |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
