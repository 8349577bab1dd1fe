#!/usr/bin/env bash
# Run once by the kafka-setup service of compose.yaml, as the broker's own principal (the only super user): creates
# the product's topics and grants the rights of kafka-acls.txt. Safe to run again.
set -euo pipefail
BIN=/opt/kafka/bin
BOOTSTRAP=kafka:9092
LOGIN=/tmp/broker-login.properties
umask 077
cat > "$LOGIN" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="${KAFKA_PASSWORD_BROKER}";
PROPERTIES

create() { # topic, extra arguments
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$LOGIN" --create --if-not-exists \
    --topic "$1" --partitions 6 --replication-factor 1 "${@:2}"
}
# The contract's topics: Topics.EVENTS and Topics.INTAKE of event-contract (system-tests TopicManifestsTest fails when
# these lists and the contract disagree).
EVENT_TOPICS=(cec.ledger.v1 cec.renewals.v1 cec.audits.v1 cec.notices.v1)
INTAKE_TOPICS=(lms.course-completions.v1 meetings.attendance.v1)
for topic in "${EVENT_TOPICS[@]}"; do
  create "$topic" --config retention.ms=-1   # the record projections are rebuilt from: never deleted
done
for topic in "${INTAKE_TOPICS[@]}"; do
  create "$topic"
done
for topic in "${EVENT_TOPICS[@]}" "${INTAKE_TOPICS[@]}"; do
  create "$topic.dlq"
done

while read -r principal type pattern name operations; do
  [[ -z "${principal:-}" || "$principal" == \#* ]] && continue
  case "$type" in
    topic) resource=(--topic "$name") ;;
    group) resource=(--group "$name") ;;
    cluster) resource=(--cluster) ;;
    *) echo "kafka-acls.txt: unknown resource type $type" >&2; exit 1 ;;
  esac
  args=()
  for operation in ${operations//,/ }; do
    args+=(--operation "$operation")
  done
  "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$LOGIN" --add --force \
    --allow-principal "User:$principal" "${args[@]}" "${resource[@]}" --resource-pattern-type "$pattern" > /dev/null
  echo "granted $principal $operations on $type $name ($pattern)"
done < /setup/kafka-acls.txt
