#!/bin/bash
# Submits a sharded sweep: the array job (sweep-array.sbatch, SHARDS tasks)
# and the merge job that starts when every task has succeeded
# (merge.sbatch). Prints the two job ids. Extra arguments go to both
# sbatch calls (e.g. --partition=batch --account=proj).
#
#   SCENARIO=scenarios/east_china_sea_2023.yaml SWEEP_DIR=/scratch/me/ecs \
#   REPLICATIONS=1000 SHARDS=50 scripts/slurm/submit-sweep.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${SCENARIO:?set SCENARIO}" "${SWEEP_DIR:?set SWEEP_DIR}" "${SHARDS:?set SHARDS}"
export SHARDS
array=$(sbatch --parsable --array="1-$SHARDS" --export=ALL "$@" "$here/sweep-array.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes --export=ALL \
  "$@" "$here/merge.sbatch")
merge=${merge%%;*}
echo "array job $array ($SHARDS shards into $SWEEP_DIR), merge job $merge"
