#!/bin/sh
# The namespace and the search attributes the workflows upsert (Entidad, Paso, Etapa, EscalacionesAbiertas,
# FacilitadorVacante). Idempotent. tools/stack/temporal-cluster.ts runs this file for `npm run test:cluster`.
set -eu
address=${TEMPORAL_ADDRESS:-temporal:7233}
namespace=${TEMPORAL_NAMESPACE:-default}
# The admin-tools image has it on PATH; the cluster test names the pinned one.
temporal=${TEMPORAL_CLI:-temporal}
until "$temporal" operator cluster health --address "$address"; do sleep 2; done
"$temporal" operator namespace describe -n "$namespace" --address "$address" >/dev/null 2>&1 ||
  "$temporal" operator namespace create -n "$namespace" --address "$address"
# A new namespace reaches the frontend's cache some seconds after its creation (about 10 s on 1.30.9); until then
# every search-attribute call answers "Namespace default is not found".
tries=0
until attributes=$("$temporal" operator search-attribute list -n "$namespace" --address "$address" 2>/dev/null); do
  tries=$((tries + 1))
  [ "$tries" -lt 60 ] || { echo "Namespace $namespace not served after 60 s" >&2; exit 1; }
  sleep 1
done
for attribute in Entidad=Keyword Paso=Int Etapa=Int EscalacionesAbiertas=Int FacilitadorVacante=Bool; do
  name=${attribute%%=*}
  type=${attribute#*=}
  printf '%s\n' "$attributes" | grep -qw "$name" ||
    "$temporal" operator search-attribute create -n "$namespace" --address "$address" --name "$name" --type "$type"
done
echo "Namespace $namespace ready"
