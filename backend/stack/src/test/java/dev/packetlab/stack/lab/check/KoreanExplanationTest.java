package dev.packetlab.stack.lab.check;

import static dev.packetlab.stack.lab.check.Runs.l;
import static dev.packetlab.stack.lab.check.Runs.m;
import static dev.packetlab.stack.lab.check.Runs.step;
import static dev.packetlab.stack.lab.check.Runs.switched;
import static dev.packetlab.stack.lab.check.Runs.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.sim.SimTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every check type's explanation in Korean, passing and failing, on the runs whose English the other check tests
 * assert: the same facts, as Korean sentences (the time first, technical tokens as they are).
 */
class KoreanExplanationTest {
    private static final String PING = "pc1: ping -c 1 10.0.0.2\n";
    private static final String SERVER_CLOSES = "srv: echo hello | nc -l 8888 &\npc1: nc srv 8888\nwait 1s\n";
    private static final String CLIENT_CLOSES = "srv: nc -l 8888 &\npc1: echo hello | nc srv 8888\nwait 1s\n";
    private static final String NOBODY_LISTENS = "pc1: nc srv 8888\n";
    private static final String ECHO_REQUEST = "ICMP 10.0.0.1 → 10.0.0.2 Echo (ping) request  id=0x0940, seq=1, ttl=64";

    private static String ko(Map<String, Object> check, String script) {
        return verdict(switched(step(check)), script).whyKo();
    }

    @Test
    void aFrameSeenSaysWhoSentItAndWhen() {
        assertThat(ko(m("frame", m("icmp-type", "echo-request", "from", "pc1", "to", "srv")), PING))
                .isEqualTo("[0.004019초] pc1이 보냄: " + ECHO_REQUEST);
    }

    @Test
    void aFrameNotSeenPutsTheConditionsBeforeTheNoun() {
        assertThat(ko(m("frame", m("flags", "SA", "port", 8888, "sent-by", "srv")), PING))
                .isEqualTo("보이지 않음: 플래그가 SYN, ACK인 포트가 8888인 srv가 내보낸 TCP 세그먼트");
    }

    @Test
    void everyFilterConditionHasItsKoreanClause() {
        assertThat(ko(m("frame", m("has-flags", "F", "src-port", 80, "dst-port", 1234, "contains", "hi",
                "received-by", "pc1")), PING))
                .isEqualTo("보이지 않음: FIN 플래그가 켜진 출발 포트가 80인 목적지 포트가 1234인 \"hi\"를 담은 pc1이 받은 "
                        + "TCP 세그먼트");
        assertThat(ko(m("frame", m("dns", "query", "dns-name", "www.example.lab", "dns-rcode", "NXDOMAIN")), PING))
                .isEqualTo("보이지 않음: www.example.lab.에 대한 NXDOMAIN으로 응답하는 DNS 질의");
        assertThat(ko(m("frame", m("icmp-type", 3, "icmp-code", 1)), PING))
                .isEqualTo("보이지 않음: 유형이 3인 코드가 1인 ICMP 메시지");
        assertThat(ko(m("frame", m("arp", "reply", "broadcast", true, "to", "pc1")), PING))
                .isEqualTo("보이지 않음: 브로드캐스트 MAC 주소로 가는 pc1로 가는 ARP 응답");
    }

    @Test
    void aDropSeenGivesTheReasonInKorean() {
        assertThat(ko(m("drop", m("to", "10.9.9.9", "reason", "no-route")), "pc1: ping -c 1 10.9.9.9\n"))
                .isEqualTo("[0.000000초] pc1이 버림: IPv4 패킷 0.0.0.0 → 10.9.9.9 (경로 없음)");
    }

    @Test
    void aDropNotSeenSaysWhereAndWhy() {
        assertThat(ko(m("drop", m("proto", "icmp", "at", "sw1", "reason", "queue-full")), PING))
                .isEqualTo("보이지 않음: sw1에서 버려진 ICMP 메시지 (큐가 가득 참)");
    }

    @Test
    void aHandshakeSeenNamesTheConnection() {
        assertThat(ko(m("tcp-handshake", m("client", "pc1", "server", "srv", "port", 8888)), SERVER_CLOSES))
                .isEqualTo("[0.008038초] 10.0.0.1:38186 → 10.0.0.2:8888의 SYN과 SYN+ACK를 받았고 ACK를 보냄");
    }

    @Test
    void aHandshakeNotSeenSaysHowFarItGot() {
        assertThat(ko(m("tcp-handshake", m("client", "pc1", "server", "srv", "port", 8888)), NOBODY_LISTENS))
                .isEqualTo("보이지 않음: pc1에서 srv 포트 8888로의 TCP 핸드셰이크 (SYN은 받았으나 이를 확인하는 SYN+ACK가 "
                        + "돌아오지 않음)");
    }

    @Test
    void aCloseSeenNamesWhoSentTheFirstFin() {
        assertThat(ko(m("tcp-close", m("client", "pc1", "server", "srv", "port", 8888, "first", "srv")),
                SERVER_CLOSES))
                .isEqualTo("[0.016081초] 10.0.0.1:38186 → 10.0.0.2:8888 연결을 양쪽이 모두 닫음, srv가 첫 FIN을 보냄");
    }

    @Test
    void aCloseByTheOtherSideIsANearMiss() {
        assertThat(ko(m("tcp-close", m("client", "pc1", "server", "srv", "first", "srv")), CLIENT_CLOSES))
                .isEqualTo("보이지 않음: 양쪽이 모두 닫은 pc1에서 srv로의 TCP 연결, srv가 첫 FIN을 보냄 "
                        + "(10.0.0.1:38186 → 10.0.0.2:8888 연결은 닫혔으나 첫 FIN은 pc1이 보냄)");
    }

    @Test
    void aSocketStateReachedSaysFromWhereAndTheCauseInKorean() {
        assertThat(ko(m("socket-state", m("node", "srv", "port", 8888, "state", "TIME_WAIT")), SERVER_CLOSES))
                .isEqualTo("[0.014072초] srv의 TCP 소켓 10.0.0.2:8888 ⇄ 10.0.0.1:38186이 FIN_WAIT_2에서 TIME_WAIT로 바뀜 "
                        + "(FIN 받음)");
    }

    @Test
    void aSocketStateNotReachedSaysTheLastStateReached() {
        assertThat(ko(m("socket-state", m("node", "srv", "port", 8888, "state", "TIME_WAIT")), CLIENT_CLOSES))
                .isEqualTo("보이지 않음: srv의 포트 8888인 TCP 소켓이 TIME_WAIT 상태가 됨 (마지막으로 도달한 상태는 CLOSED)");
    }

    @Test
    void aTcpAnalysisEventSeenNamesItInKorean() {
        Runs.Run run = new Runs.Run(switched(step(m("window-update", m("from", "srv", "to", "pc1", "port", 5001)))));
        TcpAnalysisTest.transfer(run, 200_000, SimTime.seconds(3));
        assertThat(run.result().whyKo()).isEqualTo("[3.000000초] srv가 윈도 업데이트를 보냄: TCP 10.0.0.2 → 10.0.0.1 "
                + "5001 → 38186 [ACK] Seq=648880771 Ack=2959855884 Win=65535 Len=0");
    }

    @Test
    void aTcpAnalysisEventNotSeenSaysWhichWay() {
        Runs.Run run = new Runs.Run(switched(step(m("retransmission", m("from", "pc1", "to", "srv", "port", 5001)))));
        TcpAnalysisTest.transfer(run, 200_000, 0);
        assertThat(run.result().whyKo()).isEqualTo("보이지 않음: pc1에서 srv로 가는 포트 5001의 TCP 재전송");
    }

    @Test
    void aTcpVariableSeenGivesTheValueInKoreanUnits() {
        Runs.Run run = new Runs.Run(switched(step(m("tcp-variable", m("node", "srv", "port", 5001,
                "variable", "rcv-wnd", "equals", 0)))));
        TcpAnalysisTest.transfer(run, 200_000, SimTime.seconds(3));
        assertThat(run.result().whyKo()).isEqualTo("[1.025436초] srv의 rcv-wnd가 0바이트였음");
    }

    @Test
    void aTcpVariableNotInRangeSaysWhereItWas() {
        Runs.Run run = new Runs.Run(switched(step(m("tcp-variable", m("node", "pc1", "variable", "cwnd",
                "at-least", 1000, "at-most", 2000)))));
        TcpAnalysisTest.transfer(run, 200_000, 0);
        assertThat(run.result().whyKo()).isEqualTo("보이지 않음: pc1의 TCP 연결에서 혼잡 윈도(cwnd)가 1000바이트 이상 "
                + "2000바이트 이하인 순간 (값은 14600바이트에서 113880바이트 사이였음)");
    }

    @Test
    void anArpEntrySeenSaysItWasUpdated() {
        assertThat(ko(m("arp-entry", m("node", "pc1", "address", "srv", "mac", "srv")), PING))
                .isEqualTo("[0.004019초] pc1의 ARP 캐시에 10.0.0.2 → 02:00:00:00:00:02 항목이 갱신됨 (eth0)");
    }

    @Test
    void anArpEntryNotSeenSaysWhatTheCacheHeldInstead() {
        assertThat(ko(m("arp-entry", m("node", "pc1", "address", "srv", "mac", "pc1")), PING))
                .isEqualTo("보이지 않음: pc1의 ARP 캐시에 든 srv → pc1의 MAC 주소 항목 "
                        + "(대신 10.0.0.2 → 02:00:00:00:00:02 항목이 있었음)");
    }

    @Test
    void aMacEntrySeenSaysOnWhichPort() {
        assertThat(ko(m("mac-entry", m("node", "sw1", "mac", "pc1", "port", "p1")), PING))
                .isEqualTo("[0.001004초] sw1이 포트 p1에서 02:00:00:00:00:01을 학습함");
    }

    @Test
    void aMacEntryOnAnotherPortSaysWhereItWas() {
        assertThat(ko(m("mac-entry", m("node", "sw1", "mac", "pc1", "port", "p2")), PING))
                .isEqualTo("보이지 않음: sw1의 MAC 테이블에 든 pc1의 MAC 주소 (포트 p2) 항목 "
                        + "(대신 02:00:00:00:00:01 (포트 p1) 항목이 있었음)");
    }

    @Test
    void anOutputSeenQuotesTheLine() {
        assertThat(ko(m("output", m("node", "pc1", "command", "ping", "contains", " 0% packet loss")), PING))
                .isEqualTo("[0.008050초] pc1이 출력함: \"1 packets transmitted, 1 received, 0% packet loss, time 8ms\"");
    }

    @Test
    void anOutputNotSeenGivesTheExpression() {
        assertThat(ko(m("output", m("node", "pc1", "matches", "ttl=99")), PING))
                .isEqualTo("보이지 않음: pc1이 출력한 /ttl=99/에 맞는 줄");
        assertThat(ko(m("output", m("node", "pc1", "command", "ping", "contains", "ttl=99")), PING))
                .isEqualTo("보이지 않음: pc1에서 ping이 출력한 \"ttl=99\"를 포함한 줄");
    }

    @Test
    void aCountSaysHowManyTimesAgainstHowManyWanted() {
        assertThat(ko(m("count", m("proto", "icmp", "at-least", 3)), PING))
                .isEqualTo("2번 보임 (3번 이상 필요): [0.004019초] pc1이 보냄: " + ECHO_REQUEST + " (모두 2번)");
        assertThat(ko(m("count", m("proto", "udp", "at-most", 3, "at-least", 1)), PING))
                .isEqualTo("보이지 않음 (1~3번 필요): UDP 데이터그램");
    }

    @Test
    void beforeSaysWhichPartIsMissing() {
        assertThat(ko(m("before", l(m("frame", m("proto", "arp")), m("frame", m("proto", "udp")))), PING))
                .isEqualTo("순서의 2번째: 보이지 않음: UDP 데이터그램");
    }

    @Test
    void beforeSaysWhatCameOutOfOrder() {
        assertThat(ko(m("before", l(m("frame", m("proto", "icmp")), m("frame", m("proto", "arp")))), PING))
                .isEqualTo("순서가 틀림: [0.000000초] pc1이 보냄: ARP 02:00:00:00:00:01 → Broadcast "
                        + "(ff:ff:ff:ff:ff:ff) Who has 10.0.0.2? Tell 10.0.0.1 (모두 2번) — 이것은 다음보다 뒤에 와야 함: "
                        + "[0.004019초] pc1이 보냄: " + ECHO_REQUEST + " (모두 2번)");
    }

    @Test
    void allGivesTheFailingPartsAndAnyEveryPart() {
        assertThat(ko(m("all", l(m("frame", m("proto", "arp")), m("frame", m("proto", "udp")))), PING))
                .isEqualTo("보이지 않음: UDP 데이터그램");
        assertThat(ko(m("any", l(m("frame", m("proto", "tcp")), m("frame", m("proto", "udp")))), PING))
                .isEqualTo("어느 것도 없음: 보이지 않음: TCP 세그먼트 / 보이지 않음: UDP 데이터그램");
    }

    @Test
    void notSaysWhatWasRuledOutOrThatItDidNotHappen() {
        assertThat(ko(m("all", l(m("frame", m("proto", "arp")), m("not", m("frame", m("proto", "icmp"))))), PING))
                .isEqualTo("[0.004019초] pc1이 보냄: " + ECHO_REQUEST + " (모두 2번) — 이 단계에서는 일어나면 안 되는 일");
        assertThat(ko(m("all", l(m("frame", m("proto", "arp")), m("not", m("frame", m("proto", "udp"))))), PING))
                .isEqualTo("[0.000000초] pc1이 보냄: ARP 02:00:00:00:00:01 → Broadcast (ff:ff:ff:ff:ff:ff) Who has "
                        + "10.0.0.2? Tell 10.0.0.1 (모두 2번); 바라던 대로 보이지 않음: UDP 데이터그램");
    }

    @Test
    void theListenerHearsBothLanguages() {
        java.util.List<String> heard = new java.util.ArrayList<>();
        dev.packetlab.stack.lab.Lab lab = Runs.parse(switched(step(m("frame", m("proto", "icmp")))));
        dev.packetlab.stack.lab.LabInstance instance = dev.packetlab.stack.lab.LabBuilder.build("t.yaml", lab);
        CheckEvaluator.attach(lab, instance, (s, passed, why, whyKo) -> heard.add(why + " | " + whyKo));
        new dev.packetlab.stack.lab.ScriptRunner(instance, Long.MAX_VALUE)
                .run(dev.packetlab.stack.lab.Script.parse("s.txt", PING, lab));
        assertThat(heard).containsExactly("pc1 sent " + ECHO_REQUEST + " at 0.004019 s | [0.004019초] pc1이 보냄: "
                + ECHO_REQUEST);
    }
}
