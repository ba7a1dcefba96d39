package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.trace.DropReason;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Korean words of the checks' explanations that are not built from a sentence pattern: the reasons for a drop,
 * the names of TCP analysis events and of TCP variables, and the causes of a socket's change of state (the stack words
 * those in English; the table here says the same as the UI's {@code serverText.ts}, by the English text).
 */
final class KoreanWords {
    private KoreanWords() {}

    /** Why a frame or packet was dropped, in Korean: a switch without default, so a new reason must be worded. */
    static String reason(DropReason reason) {
        return switch (reason) {
            case QUEUE_FULL -> "큐가 가득 참";
            case LINK_LOSS -> "링크에서 손실됨";
            case LINK_DOWN -> "링크가 끊김";
            case LINK_REMOVED -> "케이블이 제거됨";
            case INTERFACE_DOWN -> "인터페이스가 내려감";
            case NOT_CONNECTED -> "인터페이스에 케이블이 없음";
            case MTU_EXCEEDED -> "MTU 초과";
            case NOT_FOR_US -> "이 인터페이스로 온 것이 아님";
            case TTL_EXPIRED -> "TTL 만료";
            case NO_ROUTE -> "경로 없음";
            case NO_ARP_REPLY -> "ARP 응답 없음";
            case FRAGMENTATION_NEEDED -> "단편화가 필요하나 DF가 설정됨";
            case BAD_CHECKSUM -> "잘못된 체크섬";
            case MALFORMED -> "형식이 잘못됨";
            case REASSEMBLY_TIMEOUT -> "재조립 시간 초과";
            case PROTOCOL_UNREACHABLE -> "프로토콜 도달 불가";
            case PORT_UNREACHABLE -> "포트 도달 불가";
            case OUT_OF_WINDOW -> "TCP 윈도 밖";
            case LISTEN_QUEUE_FULL -> "대기 큐가 가득 참";
            case CONNECTION_CLOSED -> "연결이 닫힘";
        };
    }

    /** A TCP analysis event ("재전송"), as {@link TcpAnalysis.Kind#phrase()} says it in English. */
    static String kind(TcpAnalysis.Kind kind) {
        return switch (kind) {
            case RETRANSMISSION -> "재전송";
            case FAST_RETRANSMIT -> "빠른 재전송";
            case ZERO_WINDOW -> "제로 윈도";
            case ZERO_WINDOW_PROBE -> "제로 윈도 프로브";
            case WINDOW_UPDATE -> "윈도 업데이트";
            case DUPLICATE_ACK -> "중복 ACK";
        };
    }

    /** A TCP variable in a sentence ("혼잡 윈도(cwnd)"), as {@link TcpVariableName#word()} says it in English. */
    static String variable(TcpVariableName name) {
        return switch (name) {
            case SND_WND -> "송신 윈도(SND.WND)";
            case RCV_WND -> "수신 윈도(RCV.WND)";
            case CWND -> "혼잡 윈도(cwnd)";
            case SSTHRESH -> "슬로 스타트 임계값(ssthresh)";
            case SRTT -> "평활 왕복 시간(SRTT)";
            case RTTVAR -> "왕복 시간 변동(RTTVAR)";
            case RTO -> "재전송 타임아웃(RTO)";
            case SEND_BUFFERED -> "송신 버퍼의 바이트 수";
            case RECEIVE_BUFFERED -> "수신 버퍼에서 기다리는 바이트 수";
        };
    }

    private record Form(Pattern english, List<String> names, String korean) {}

    private static final List<Form> CAUSES = new ArrayList<>();

    private static void exact(String english, String korean) {
        CAUSES.add(new Form(Pattern.compile(Pattern.quote(english)), List.of(), korean));
    }

    /** A cause with {@code {name}} parts standing for one word each, the same in both languages. */
    private static void form(String english, String korean) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(english);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(english.substring(at, m.start()))).append("(\\S+?)");
            names.add(m.group(1));
            at = m.end();
        }
        regex.append(Pattern.quote(english.substring(at)));
        CAUSES.add(new Form(Pattern.compile(regex.toString()), List.copyOf(names), korean));
    }

    static {
        exact("listen() called", "listen() 호출");
        exact("connect() called", "connect() 호출");
        exact("bind() called", "bind() 호출");
        exact("bound to an ephemeral port", "임시 포트에 바인드됨");
        exact("close() called", "close() 호출");
        exact("close() called in CLOSE_WAIT", "CLOSE_WAIT에서 close() 호출");
        exact("close() or shutdown() called", "close() 또는 shutdown() 호출");
        exact("shutdown() before the connection was made", "연결되기 전에 shutdown() 호출");
        exact("close() with unread data: RST sent", "읽지 않은 데이터가 있는 채로 close(): RST 보냄");
        exact("aborted", "중단됨");
        exact("SYN received", "SYN 받음");
        exact("SYN+ACK received", "SYN+ACK 받음");
        exact("SYN received in SYN_SENT (simultaneous open)", "SYN_SENT에서 SYN 받음(동시 열기)");
        exact("ACK of SYN+ACK received", "SYN+ACK에 대한 ACK 받음");
        exact("its listener was closed: RST sent", "리스닝 소켓이 닫힘: RST 보냄");
        exact("data arrived after close(): RST sent", "close() 뒤에 데이터가 옴: RST 보냄");
        exact("ACK of FIN received", "FIN에 대한 ACK 받음");
        exact("ACK of FIN received in CLOSING", "CLOSING에서 FIN에 대한 ACK 받음");
        exact("FIN received", "FIN 받음");
        exact("FIN received in FIN_WAIT1, our FIN acknowledged", "FIN_WAIT1에서 FIN 받음, 보낸 FIN도 확인됨");
        exact("FIN received in FIN_WAIT1 (simultaneous close)", "FIN_WAIT1에서 FIN 받음(동시 닫기)");
        exact("2·MSL elapsed", "2·MSL 지남");
        exact("no FIN from the peer within net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_fin_timeout 안에 상대의 FIN이 오지 않음");
        exact("RST received in SYN_SENT: connection refused", "SYN_SENT에서 RST 받음: 연결 거부");
        exact("RST received in SYN_RECV: the half-open connection is dropped", "SYN_RECV에서 RST 받음: 반쯤 열린 연결을 버림");
        exact("RST received in SYN_RECV", "SYN_RECV에서 RST 받음");
        exact("RST received", "RST 받음");
        form("RST received in {state}", "{state}에서 RST 받음");
        exact("no ACK for the SYN+ACK", "SYN+ACK에 대한 ACK가 오지 않음");
        form("no answer to {count} SYNs", "SYN {count}번에 응답 없음");
        form("no ACK after {count} retransmissions", "{count}번 재전송해도 ACK 없음");
        exact("window probes unanswered", "윈도 프로브에 응답 없음");
        form("ICMP destination unreachable (code {code}) in SYN_SENT", "SYN_SENT에서 ICMP 목적지 도달 불가(코드 {code}) 받음");
    }

    /**
     * Why a socket changed state, in Korean, from the stack's English cause; a cause not in the table stays as the
     * stack wrote it, as the UI shows it.
     */
    static String cause(String english) {
        for (Form f : CAUSES) {
            Matcher m = f.english().matcher(english);
            if (!m.matches()) continue;
            String korean = f.korean();
            for (int i = 0; i < f.names().size(); i++) korean = korean.replace("{" + f.names().get(i) + "}", m.group(i + 1));
            return korean;
        }
        return english;
    }
}
