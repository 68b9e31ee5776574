/** Where a Kafka topic lives: the bootstrap brokers, the topic, and extra librdkafka settings. */
export interface KafkaTopicAddress {
  /** `host:port` of each bootstrap broker (port 9092 when the URL gives none). */
  brokers: string[];
  topic: string;
  /** librdkafka settings from the URL's query (`?security.protocol=SASL_SSL&...`), passed as given. */
  settings: Record<string, string>;
}

/** librdkafka settings avails sets itself: the offset contract depends on them. */
export const KAFKA_OWNED_SETTINGS = [
  "bootstrap.servers",
  "metadata.broker.list",
  "group.id",
  "enable.auto.commit",
  "enable.auto.offset.store",
  "rebalance_cb",
] as const;

const DEFAULT_PORT = 9092;
// Kafka's own rule for topic names (kafka.common.Topic): ASCII letters, digits, '.', '_', '-'; at most 249.
const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)$/;
const SETTING = /^[a-z][a-z0-9._]*$/;

/**
 * Parses `kafka://BROKER[,BROKER...]/TOPIC[?librdkafka.setting=value&...]`, a broker being `HOST[:PORT]`
 * (`[v6-address]:PORT` too). An error names `flag`, the text and what is wrong.
 *
 * @example
 * parseKafkaUrl("kafka://k1:9092,k2/events");
 * // { brokers: ["k1:9092", "k2:9092"], topic: "events", settings: {} }
 */
export function parseKafkaUrl(text: string, flag = "--source"): KafkaTopicAddress {
  const fail = (why: string) =>
    new Error(`${flag}: "${text}" ${why} (expected kafka://BROKER[,BROKER]/TOPIC)`);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
  if (scheme === null) throw fail("is not a URL");
  if (scheme[1].toLowerCase() !== "kafka") throw fail(`has scheme "${scheme[1]}", not kafka`);
  let rest = text.slice(scheme[0].length);
  if (rest.includes("#")) throw fail("has a #fragment");
  let query = "";
  const queryAt = rest.indexOf("?");
  if (queryAt >= 0) {
    query = rest.slice(queryAt + 1);
    rest = rest.slice(0, queryAt);
  }
  const slash = rest.indexOf("/");
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? "" : rest.slice(slash + 1);
  if (authority.includes("@")) {
    throw fail("has credentials before the brokers; give SASL settings in the query instead");
  }
  if (authority === "") throw fail("names no broker");
  const brokers: string[] = [];
  for (const broker of authority.split(",")) {
    const [, host, portText] = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(broker) as RegExpExecArray;
    if (host === "" || !HOST.test(host)) throw fail(`has "${broker}" where a broker (HOST[:PORT]) goes`);
    const port = portText === undefined ? DEFAULT_PORT : Number(portText);
    if (portText !== undefined && (!/^\d+$/.test(portText) || port < 1 || port > 65535)) {
      throw fail(`has broker "${broker}" without a valid port`);
    }
    brokers.push(`${host}:${port}`);
  }
  if (path === "") throw fail("names no topic");
  if (path.includes("/")) throw fail("has more than one topic name");
  let topic: string;
  try {
    topic = decodeURIComponent(path);
  } catch {
    throw fail(`has a badly escaped topic "${path}"`);
  }
  if (!TOPIC.test(topic) || topic === "." || topic === "..") {
    throw fail(`has topic "${topic}", not a Kafka topic name (letters, digits, '.', '_', '-'; 1-249)`);
  }
  const settings: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(query)) {
    if (!SETTING.test(name)) throw fail(`has "${name}" where a librdkafka setting name goes`);
    if ((KAFKA_OWNED_SETTINGS as readonly string[]).includes(name)) {
      throw fail(`sets ${name}, which avails sets itself`);
    }
    settings[name] = value;
  }
  return { brokers, topic, settings };
}
