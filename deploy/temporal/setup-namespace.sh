#!/bin/sh
# The namespace and the search attributes the workflows upsert (Entidad, Paso, Etapa, EscalacionesAbiertas,
# FacilitadorVacante). Idempotent.
set -eu
address=${TEMPORAL_ADDRESS:-temporal:7233}
namespace=${TEMPORAL_NAMESPACE:-default}
until temporal operator cluster health --address "$address"; do sleep 2; done
temporal operator namespace describe -n "$namespace" --address "$address" >/dev/null 2>&1 ||
  temporal operator namespace create -n "$namespace" --address "$address"
for attribute in Entidad=Keyword Paso=Int Etapa=Int EscalacionesAbiertas=Int FacilitadorVacante=Bool; do
  name=${attribute%%=*}
  type=${attribute#*=}
  temporal operator search-attribute list -n "$namespace" --address "$address" | grep -qw "$name" ||
    temporal operator search-attribute create -n "$namespace" --address "$address" --name "$name" --type "$type"
done
echo "Namespace $namespace ready"
