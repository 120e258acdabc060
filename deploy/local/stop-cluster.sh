#!/usr/bin/env bash
# Stops what start-cluster.sh started: each silo gracefully (SIGTERM, then SIGKILL after the
# shutdown timeout), then PostgreSQL, then removes the state directory.
set -uo pipefail
state=${CLAIMTRACKER_CLUSTER_DIR:-/tmp/claimtracker-cluster}
[ -d "$state" ] || { echo "no cluster state in $state"; exit 0; }
if [ -f "$state/silos" ]; then
  while read -r i pid _; do
    kill -TERM "$pid" 2>/dev/null && echo "stopping silo $i (pid $pid)"
  done < "$state/silos"
  for _ in $(seq 1 40); do
    alive=0
    while read -r _ pid _; do kill -0 "$pid" 2>/dev/null && alive=1; done < "$state/silos"
    [ "$alive" = 0 ] && break
    sleep 1
  done
  while read -r _ pid _; do kill -KILL "$pid" 2>/dev/null; done < "$state/silos"
fi
if [ -d "$state/pgdata" ]; then
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- pg_ctl -D "$state/pgdata" -m fast -w stop >/dev/null
  else pg_ctl -D "$state/pgdata" -m fast -w stop >/dev/null; fi
fi
rm -rf "$state"
echo "cluster stopped"
