import { describe, expect, it } from "vitest";
import { parseKafkaUrl } from "./parse-kafka-url.js";

describe("parseKafkaUrl", () => {
  it("parseKafkaUrl reads the brokers (port 9092 by default), the topic and librdkafka settings", () => {
    expect(parseKafkaUrl("kafka://127.0.0.1:9093/events")).toEqual({
      brokers: ["127.0.0.1:9093"],
      topic: "events",
      settings: {},
    });
    expect(
      parseKafkaUrl(
        "kafka://k1,k2.example.com:19092,[::1]:9094/ad.events_v2?security.protocol=SASL_SSL&sasl.mechanisms=PLAIN",
      ),
    ).toEqual({
      brokers: ["k1:9092", "k2.example.com:19092", "[::1]:9094"],
      topic: "ad.events_v2",
      settings: { "security.protocol": "SASL_SSL", "sasl.mechanisms": "PLAIN" },
    });
  });

  it("parseKafkaUrl names the flag, the text and what is wrong", () => {
    const bad = (text: string) => () => parseKafkaUrl(text);
    expect(bad("events")).toThrow('--source: "events" is not a URL (expected kafka://BROKER[,BROKER]/TOPIC)');
    expect(bad("redis://h:6379/events")).toThrow('has scheme "redis", not kafka');
    expect(bad("kafka:///events")).toThrow("names no broker");
    expect(bad("kafka://k1:9092")).toThrow("names no topic");
    expect(bad("kafka://k1:9092/")).toThrow("names no topic");
    expect(bad("kafka://k1:9092/a/b")).toThrow("has more than one topic name");
    expect(bad("kafka://k1:9092,,k2/events")).toThrow('has "" where a broker (HOST[:PORT]) goes');
    expect(bad("kafka://k1:9092,k_2/events")).toThrow('has "k_2" where a broker');
    expect(bad("kafka://k1:90x2/events")).toThrow('has broker "k1:90x2" without a valid port');
    expect(bad("kafka://k1:0/events")).toThrow('has broker "k1:0" without a valid port');
    expect(bad("kafka://k1:70000/events")).toThrow("without a valid port");
    expect(bad("kafka://k1:/events")).toThrow('has broker "k1:" without a valid port');
    expect(bad("kafka://k1/ad%20events")).toThrow('has topic "ad events", not a Kafka topic name');
    expect(bad("kafka://k1/..")).toThrow('has topic "..", not a Kafka topic name');
    expect(bad(`kafka://k1/${"t".repeat(250)}`)).toThrow("not a Kafka topic name");
    expect(bad("kafka://user:pw@k1/events")).toThrow("has credentials before the brokers");
    expect(bad("kafka://k1/events?group.id=x")).toThrow("sets group.id, which avails sets itself");
    expect(bad("kafka://k1/events?enable.auto.commit=true")).toThrow("sets enable.auto.commit");
    expect(bad("kafka://k1/events?Bad-Name=1")).toThrow(
      'has "Bad-Name" where a librdkafka setting name goes',
    );
    expect(bad("kafka://k1/events#x")).toThrow("has a #fragment");
    expect(() => parseKafkaUrl("kafka://k1", "--stream")).toThrow('--stream: "kafka://k1" names no topic');
  });
});
