#!/usr/bin/env bash
# The raw baselines of `dibao bench append`'s 100-event appends, from PostgreSQL's own C client:
# pgbench writes the same shape of rows (a 160-character note as jsonb, the benchmark's
# metadata, two 32-byte hashes) into a bare table, 8 clients, 100 rows per transaction, two ways:
#   row_inserts    BEGIN, 100 single-row INSERTs, COMMIT   (the issue's reference form; the target is judged on it)
#   one_statement  one INSERT … SELECT of the 100 rows     (the strictest form, context)
# It answers "is the Swift client's row-by-row baseline slow?", so that the judged ratio can be
# checked against the faster client too (docs/decisions/0005).
#
#   URL=$(.build/release/dibao postgres start --home /tmp/benchhome/pg)   # the cluster DIBAO_HOME=/tmp/benchhome benches on
#   ./Deploy/pgbench-baselines.sh "$URL" [passes] [seconds]
#
# The server must let the URL's role create a database. Prints events/s per pass and the median.
set -euo pipefail
url="${1:?usage: $0 postgres://… [passes] [seconds]}"
passes="${2:-3}"
seconds="${3:-10}"
[[ "$passes" =~ ^[1-9][0-9]*$ && "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "passes and seconds must be positive integers" >&2; exit 2; }
if command -v pgbench >/dev/null; then
    bin="$(dirname "$(command -v pgbench)")"
else
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
fi
[ -n "$bin" ] && [ -x "$bin/pgbench" ] || { echo "pgbench not found: apt-get install -y postgresql" >&2; exit 1; }
# The same server, another database: the URL's path (the database name) replaced or added.
with_database() { sed -E "s#^(postgres(ql)?://[^/?]*)(/[^?]*)?#\1/$1#" <<<"$url"; }
[[ "$url" =~ ^postgres(ql)?:// && "$url" != *dbname=* ]] || { echo "give a postgres:// URL without dbname=" >&2; exit 2; }
work="$(mktemp -d)"
database="dibao_pgbench_$$"
trap 'rm -rf "$work"' EXIT
"$bin/psql" -qX "$(with_database postgres)" -c "CREATE DATABASE $database"
trap 'rm -rf "$work"; "$bin/psql" -qX "$(with_database postgres)" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true' EXIT
target="$(with_database "$database")"
"$bin/psql" -qX "$target" -c "CREATE TABLE raw (stream_id text, stream_version bigint, event_id uuid, event_type text,
    schema_version integer, data jsonb, metadata jsonb, command_id uuid, effective_date date, hash bytea, previous_hash bytea)"

# Every JSON text depends on a pgbench variable (a parameter of the prepared statement), so
# PostgreSQL parses it when the statement runs, as it parses the Swift baselines' bound JSON; a
# constant would be folded once, when the statement is planned. Row by row, each row's metadata
# is parsed with it (as the Swift row-by-row baseline binds it per row); in one statement, once
# (an InitPlan), as the Swift one-statement baseline binds it once.
note="乡镇民政办受理低保申请，已入户调查并完成家庭经济状况核对；$(printf 'x%.0s' {1..100})"
hash="'\\x$(printf '07%.0s' {1..32})'::bytea"
metadata="('{\"actorId\": \"bench\", \"actorRole\": \"admin\", \"jurisdictionCode\": \"530000\", \"reason\": \"benchmark\", \"correlationId\": \"bench\", \"commandId\": \"' || :s || '\"}')::jsonb"
values() { # $1: the row's index within the append (a number or a column); $2: the metadata expression
    echo "'bench-' || :client_id || '-' || :s, :v + $1, md5(random()::text)::uuid, 'LedgerNoteRecorded', 1,
      ('{\"text\": \"benchmark note ' || (0 * :v::bigint + $1) || ': $note\"}')::jsonb, $2, md5(:s::text)::uuid, '2024-03-01', $hash, $hash"
}
{
    printf '\\set s random(1, 1000000000)\n\\set v random(1, 1000000)\nBEGIN;\n'
    for index in $(seq 0 99); do echo "INSERT INTO raw VALUES ($(values "$index" "$metadata" | tr '\n' ' '));"; done
    echo "COMMIT;"
} >"$work/row_inserts.sql"
{
    printf '\\set s random(1, 1000000000)\n\\set v random(1, 1000000)\n'
    echo "INSERT INTO raw SELECT $(values g "(SELECT $metadata)" | tr '\n' ' ') FROM generate_series(0, 99) g;"
} >"$work/one_statement.sql"

declare -A rates
for pass in $(seq 1 "$passes"); do
    for baseline in row_inserts one_statement; do
        "$bin/psql" -qX "$target" -c "CHECKPOINT" 2>/dev/null || true
        if ! "$bin/pgbench" -n -M prepared -c 8 -j 2 -T "$seconds" -f "$work/$baseline.sql" "$target" >"$work/out" 2>&1; then
            cat "$work/out" >&2; echo "pgbench failed ($baseline, pass $pass)" >&2; exit 1
        fi
        tps="$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$work/out")"
        [ -n "$tps" ] || { cat "$work/out" >&2; echo "pgbench printed no tps ($baseline, pass $pass)" >&2; exit 1; }
        events="$(awk -v tps="$tps" 'BEGIN { printf "%.0f", tps * 100 }')"
        echo "pass $pass  $baseline  $events events/s"
        rates[$baseline]+="$events "
    done
done
for baseline in row_inserts one_statement; do
    median="$(tr ' ' '\n' <<<"${rates[$baseline]}" | grep . | sort -n | awk '{ v[NR] = $1 } END { printf "%.0f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
    echo "$baseline median $median events/s (pgbench, 8 clients, 100 rows per transaction)"
done
