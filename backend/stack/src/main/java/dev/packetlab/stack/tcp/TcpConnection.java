package dev.packetlab.stack.tcp;

import dev.packetlab.stack.net.SendResult;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Timer;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.trace.Trace;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.IcmpMessage;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Payload;
import dev.packetlab.stack.wire.TcpHeaderView;
import dev.packetlab.stack.wire.TcpOptions;
import dev.packetlab.stack.wire.TcpSegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One TCP connection: the transmission control block of RFC 9293 3.3.1 and the state machine of 3.10 that moves it
 * through the eleven states. It is what a stream socket holds from {@code socket()} on, and what stays behind after
 * {@code close()} until the last FIN is acknowledged or TIME_WAIT has run out.
 *
 * <p>Sending: written data waits in a {@link SendBuffer} from SND.UNA on and leaves in segments of at most the
 * effective MSS, as far as the smaller of the peer's window and the congestion window allow, held back by Nagle's
 * algorithm and sender-side silly-window avoidance (3.7.4, 3.8.6.2.1). Loss is repaired by the retransmission timer
 * (RFC 6298) and by fast retransmit and fast recovery (RFC 5681 3.2): NewReno's (RFC 6582) when SACK was not
 * negotiated; when it was, a {@link SackScoreboard} of the peer's SACK blocks drives RFC 6675's loss recovery, paced
 * by Proportional Rate Reduction (RFC 6937). A zero window is probed with one byte, with back-off (3.8.6.1).
 *
 * <p>Receiving: segments are checked for acceptability against RCV.NXT and RCV.WND (3.10.7.4), RSTs and SYNs by the
 * rules of RFC 5961, data goes into a {@link ReceiveBuffer} that holds what arrives out of order, and ACKs are
 * delayed (200 ms, or at once for every second full segment, for out-of-order data and for a filled hole). The
 * window advertised grows only in steps of min(MSS, buffer/2) (receiver-side silly-window avoidance, 3.8.6.2.2) and
 * its right edge never moves left.
 *
 * <p>Everything runs on the simulation's events: a call from the socket layer, a segment, a timer. Each such entry
 * point ends by reporting the variables that changed, once.
 */
public final class TcpConnection {
    /** What the socket above learns from its connection. Every method runs as part of a simulation event. */
    public interface Events {
        /** The handshake of an active open completed: ESTABLISHED. */
        default void connected() {}

        /** A listener: a new connection completed its handshake and waits in the accept queue. */
        default void incoming() {}

        /** Data arrived, or the peer's FIN: a read would not block. */
        default void readable() {}

        /** The send buffer has room again. */
        default void writable() {}

        /** The connection was aborted or could not be made. */
        default void failed(TcpError error) {}
    }

    private static final Events NO_EVENTS = new Events() {};
    /** RFC 9293 3.7.1: the MSS assumed when the peer sends no MSS option. */
    static final int DEFAULT_MSS = 536;
    private static final int IP_AND_TCP_HEADERS = 40;
    private static final int TIMESTAMPS_OPTION = 12;

    private final Tcp tcp;
    private final int id;
    private final Trace trace;
    private Events events = NO_EVENTS;
    private TcpState state = TcpState.CLOSED;

    // the four-tuple
    private Ipv4Address localAddress = Ipv4Address.ANY;
    private int localPort;
    private Ipv4Address remoteAddress;
    private int remotePort;
    private Tcp.Key key;
    private boolean portHeld;

    // socket options
    private boolean reuseAddress;
    private boolean noDelay;

    // listener
    private TcpConnection parent;
    private int backlog;
    private final ArrayDeque<TcpConnection> acceptQueue = new ArrayDeque<>();
    private int halfOpen;

    // send sequence space (RFC 9293 3.3.1)
    private long iss;
    private long sndUna;
    private long sndNxt;
    /** The highest sequence number sent so far: SND.NXT moves back to SND.UNA after a timeout; this does not. */
    private long sndMax;
    private long sndWnd;
    private long sndWl1;
    private long sndWl2;
    private long maxSndWnd;
    private int sndWscale;
    private int sndMss = DEFAULT_MSS;
    private final SendBuffer sendBuffer;
    private boolean finQueued;
    private long finSeq;

    // receive sequence space
    private long irs;
    private long rcvNxt;
    /** RCV.NXT + the window last advertised: the right edge, which never moves left. */
    private long rcvAdv;
    private int rcvWscale;
    private int rcvMss;
    private final ReceiveBuffer receiveBuffer;
    private boolean peerFinReceived;
    private boolean peerFinKnown;
    private long peerFinSeq;

    // options negotiated on the SYNs
    private boolean timestamps;
    private long tsRecent;
    private long tsOffset;
    private boolean sackPermitted;
    private boolean windowScaling;

    // retransmission (RFC 6298) and congestion control (RFC 5681, 6582)
    private final RttEstimator rtt;
    private final CongestionControl cc = new NewReno();
    private boolean rttTiming;
    private long rttSeq;
    private long rttStart;
    private int retries;
    private int dupAcks;
    /** Bytes limited transmit sent beyond cwnd since the last ACK of new data (RFC 3042). */
    private long limitedTransmitSent;
    private boolean inRecovery;
    private long recover;
    /** SACK recovery (RFC 6675, RFC 6937), when SACK was negotiated; created on the first SACK block received. */
    private SackScoreboard scoreboard;
    private ProportionalRateReduction prr;
    /** RFC 6675 HighRxt: the end of the highest byte retransmitted in the current SACK recovery. */
    private long highRxt;
    /**
     * The receiver's side of RFC 2018 4: a byte of each block that out-of-order data recently arrived in, most recent
     * first, so that the SACK blocks sent lead with the newest and repeat the most recently reported.
     */
    private long[] sackArrivals;
    private int sackArrivalCount;
    private long retransmittedSegments;
    private long lossRecoveries;
    private long retransmissionTimeouts;
    private TcpError softError;
    private long neighbourConfirmed = Long.MIN_VALUE / 2;

    /** The end of the last segment shorter than the MSS that was sent (Minshall's Nagle). */
    private long smallSegmentEnd;

    // persist (zero-window probing, RFC 9293 3.8.6.1)
    private int persistBackoff;
    private int unansweredProbes;

    // delayed ACK (RFC 9293 3.8.6.3)
    private boolean ackNow;
    private long lastAckSent;

    // timers
    private Timer retransmitTimer;
    private Timer persistTimer;
    private Timer delayedAckTimer;
    private Timer timeWaitTimer;
    private Timer finWait2Timer;

    // the application's side
    private boolean orphaned;
    private boolean outputShutdown;
    private TcpError error;

    private final long[] traced = new long[13];

    TcpConnection(Tcp tcp, int id) {
        this.tcp = tcp;
        this.id = id;
        this.trace = tcp.trace;
        TcpSettings s = tcp.settings;
        this.sendBuffer = new SendBuffer((int) s.sendBuffer.value());
        this.receiveBuffer = new ReceiveBuffer((int) s.receiveBuffer.value());
        this.noDelay = s.noDelay.value() == 1;
        this.rtt = new RttEstimator(TcpSettings.ms(s.rtoInitial), TcpSettings.ms(s.rtoMin), TcpSettings.ms(s.rtoMax),
                SimTime.MILLISECOND);
    }

    // ---- what the socket layer reads ------------------------------------------------------------------------

    /** This connection's number on its node, shown by {@code ss} and in the trace; never reused. */
    public int id() { return id; }

    public TcpState state() { return state; }

    public Ipv4Address localAddress() { return localAddress; }

    public int localPort() { return localPort; }

    /** The peer's address, or null before connect. */
    public Ipv4Address remoteAddress() { return remoteAddress; }

    public int remotePort() { return remotePort; }

    Tcp.Key key() { return key; }

    public boolean reuseAddress() { return reuseAddress; }

    public boolean noDelay() { return noDelay; }

    /** The error that ended the connection, or null. */
    public TcpError error() { return error; }

    /** Bytes the application can read now. */
    public int readable() { return receiveBuffer.readable(); }

    /** Whether the peer's FIN has arrived and every byte before it has been read: a read returns end-of-file. */
    public boolean endOfStream() { return peerFinReceived && receiveBuffer.readable() == 0; }

    /** Room in the send buffer. */
    public int writable() { return sendBuffer.free(); }

    /** Recv-Q of netstat: unread bytes, or for a listener the connections waiting to be accepted. */
    public int receiveQueue() { return state == TcpState.LISTEN ? acceptQueue.size() : receiveBuffer.readable(); }

    /** Send-Q of netstat: bytes not yet acknowledged, or for a listener its backlog. */
    public int sendQueue() { return state == TcpState.LISTEN ? backlog : sendBuffer.size(); }

    public long iss() { return iss; }

    public long irs() { return irs; }

    public long sndUna() { return sndUna; }

    public long sndNxt() { return sndNxt; }

    public long sndWnd() { return sndWnd; }

    public long rcvNxt() { return rcvNxt; }

    /** RCV.WND: the window last advertised, counted from RCV.NXT. */
    public long rcvWnd() { return Math.max(0, Seq.diff(rcvAdv, rcvNxt)); }

    public long cwnd() { return cc.cwnd(); }

    public long ssthresh() { return cc.ssthresh(); }

    public String congestionControl() { return cc.name(); }

    public long srtt() { return rtt.srtt(); }

    public long rttvar() { return rtt.rttvar(); }

    public long rto() { return rtt.rto(); }

    /** The effective send MSS: the peer's MSS less the options every segment carries. */
    public int mss() { return sndMss; }

    /** The receive MSS: the largest segment this side said it takes. */
    public int receiveMss() { return rcvMss; }

    public int windowScaleSent() { return windowScaling ? rcvWscale : -1; }

    public int windowScaleReceived() { return windowScaling ? sndWscale : -1; }

    public boolean timestampsOn() { return timestamps; }

    public boolean sackOn() { return sackPermitted; }

    /** Segments sent again: after a timeout, fast retransmits and NewReno's partial-ACK retransmits. */
    public long retransmittedSegments() { return retransmittedSegments; }

    /** Entries into fast recovery: NewReno's (RFC 6582) or SACK's (RFC 6675), whichever the connection runs. */
    public long lossRecoveries() { return lossRecoveries; }

    /** Expiries of the retransmission timer while data was outstanding (RFC 6298 5.4). */
    public long retransmissionTimeouts() { return retransmissionTimeouts; }

    /** The retransmissions of the current segment so far (the back-off count). */
    public int retries() { return retries; }

    public int receiveBufferSize() { return receiveBuffer.capacity(); }

    public int sendBufferSize() { return sendBuffer.capacity(); }

    /** The running timer as netstat -o names it: "on" (retransmission), "probe", "timewait", "keepalive" or "off". */
    public String timerName() {
        if (pending(timeWaitTimer)) return "timewait";
        if (pending(retransmitTimer)) return "on";
        if (pending(persistTimer)) return "probe";
        if (pending(finWait2Timer)) return "timewait";
        return "off";
    }

    /** Nanoseconds until the running timer fires, 0 when none runs. */
    public long timerRemaining() {
        for (Timer t : new Timer[] {timeWaitTimer, retransmitTimer, persistTimer, finWait2Timer}) {
            if (pending(t)) return t.time() - tcp.now();
        }
        return 0;
    }

    // ---- calls from the socket layer -----------------------------------------------------------------------

    public void setEvents(Events events) { this.events = events == null ? NO_EVENTS : events; }

    public void setReuseAddress(boolean on) { reuseAddress = on; }

    /** TCP_NODELAY: Nagle's algorithm off. Turning it on pushes out what Nagle held back. */
    public void setNoDelay(boolean on) {
        noDelay = on;
        if (on) run(this::trySend);
    }

    public void setReceiveBufferSize(int bytes) { receiveBuffer.setCapacity(Math.max(bytes, receiveBuffer.readable())); }

    public void setSendBufferSize(int bytes) { sendBuffer.setCapacity(Math.max(bytes, sendBuffer.size())); }

    /** {@code bind}: takes {@code port}, or an ephemeral one for 0. Null on success. */
    public TcpError bind(int port) {
        if (portHeld) return TcpError.INVALID_STATE;
        if (port == 0) {
            port = tcp.ephemeralPort(this);
            if (port < 0) return TcpError.NO_FREE_PORT;
        } else if (!tcp.portAvailable(port, this)) {
            return TcpError.ADDRESS_IN_USE;
        }
        localPort = port;
        portHeld = true;
        tcp.holdPort(this);
        return null;
    }

    /** Whether {@code bind} has given this connection its port. */
    public boolean bound() { return portHeld; }

    /** {@code listen}: LISTEN on the bound port (an ephemeral one if none), with room for {@code backlog} waiting. */
    public TcpError listen(int backlog) {
        if (state != TcpState.CLOSED && state != TcpState.LISTEN) return TcpError.INVALID_STATE;
        if (!portHeld) {
            TcpError e = bind(0);
            if (e != null) return e;
        }
        if (state == TcpState.CLOSED && !tcp.portAvailable(localPort, this)) return TcpError.ADDRESS_IN_USE;
        this.backlog = Math.max(1, Math.min(backlog, (int) tcp.settings.maxBacklog.value()));
        if (state == TcpState.CLOSED) {
            tcp.listen(this);
            setState(TcpState.LISTEN, "listen() called");
        }
        return null;
    }

    /** Takes the oldest connection from the accept queue, or null when none waits. */
    public TcpConnection accept() {
        TcpConnection c = acceptQueue.pollFirst();
        if (c != null) c.parent = null;
        return c;
    }

    public boolean acceptable() { return !acceptQueue.isEmpty(); }

    /**
     * Active open (RFC 9293 3.10.1): sends the SYN and enters SYN_SENT; {@link Events#connected} or
     * {@link Events#failed} follows. Null when the SYN left (or waits for ARP).
     */
    public TcpError connect(Ipv4Address address, int port) {
        if (state != TcpState.CLOSED) return TcpError.INVALID_STATE;
        Ipv4Address source = tcp.host.isLocal(address) ? address : tcp.host.sourceAddressFor(address);
        if (source == null) return TcpError.NETWORK_UNREACHABLE;
        if (!portHeld) {
            TcpError e = bind(0);
            if (e != null) return e;
        }
        localAddress = source;
        remoteAddress = address;
        remotePort = port;
        key = new Tcp.Key(localAddress.value(), localPort, address.value(), port);
        tcp.connected(this);
        TcpSettings s = tcp.settings;
        windowScaling = s.windowScaling.value() == 1;
        sackPermitted = s.sack.value() == 1;
        timestamps = s.timestamps.value() == 1;
        chooseReceiveParameters();
        startSequenceSpace();
        setState(TcpState.SYN_SENT, "connect() called");
        sendSyn(false);
        traceVariables();
        return null;
    }

    /**
     * Takes up to {@code len} bytes into the send buffer and sends what the windows allow. Returns how many were
     * taken: fewer than {@code len} when the buffer is full.
     */
    public int write(byte[] b, int off, int len) {
        if (!state.canSend() || finQueued) return 0;
        int taken = sendBuffer.write(b, off, len);
        if (taken > 0) run(this::trySend);
        return taken;
    }

    /** Reads up to {@code max} in-order bytes; sends a window update if reading opened the window enough. */
    public byte[] read(int max) {
        byte[] data = receiveBuffer.read(max);
        if (data.length > 0) {
            run(() -> {
                if (state.synchronized_() && windowUpdateDue()) sendAck();
            });
        }
        return data;
    }

    /** {@code shutdown(SHUT_WR)}: queues a FIN after the data already written; the socket can still receive. */
    public void shutdownOutput() {
        if (outputShutdown) return;
        outputShutdown = true;
        switch (state) {
            case SYN_SENT, LISTEN, CLOSED -> run(() -> destroy("shutdown() before the connection was made"));
            case SYN_RECEIVED, ESTABLISHED -> run(() -> queueFin(TcpState.FIN_WAIT_1));
            case CLOSE_WAIT -> run(() -> queueFin(TcpState.LAST_ACK));
            default -> { }
        }
    }

    /**
     * {@code close()}: the application lets go. Unread data makes it an abort with RST (RFC 9293 3.10.4, as
     * Linux does, RFC 2525 2.17); otherwise a FIN is queued and the connection finishes on its own, orphaned.
     */
    public void close() {
        orphaned = true;
        events = NO_EVENTS;
        run(() -> {
            switch (state) {
                case CLOSED -> destroy("close() called");
                case LISTEN -> {
                    for (TcpConnection c : List.copyOf(acceptQueue)) c.abort();
                    acceptQueue.clear();
                    destroy("close() called");
                }
                case SYN_SENT -> destroy("close() called");
                default -> {
                    if (receiveBuffer.readable() > 0) {
                        sendReset();
                        destroy("close() with unread data: RST sent");
                        return;
                    }
                    shutdownOutput();
                    if (state == TcpState.FIN_WAIT_2) armFinWait2Timer();
                }
            }
        });
    }

    /** Aborts: sends RST when synchronized and forgets the connection at once (SO_LINGER 0, RFC 9293 3.10.5). */
    public void abort() {
        orphaned = true;
        events = NO_EVENTS;
        run(() -> {
            if (state.synchronized_() && state != TcpState.TIME_WAIT) sendReset();
            destroy("aborted");
        });
    }

    // ---- segment arrival (RFC 9293 3.10.7) ----------------------------------------------------------------

    void segmentArrived(Tcp.Incoming seg) {
        switch (state) {
            case LISTEN -> listenReceive(seg);
            case SYN_SENT -> synSentReceive(seg);
            case CLOSED -> tcp.sendResetFor(seg);
            default -> synchronizedReceive(seg);
        }
        traceVariables();
    }

    /** 3.10.7.2: a SYN creates a child in SYN_RECEIVED; an ACK earns an RST; an RST is ignored. */
    private void listenReceive(Tcp.Incoming seg) {
        TcpHeaderView h = seg.header();
        if (h.rst()) return;
        if (h.ack()) {
            tcp.sendResetFor(seg);
            return;
        }
        if (!h.syn()) return;
        if (halfOpen + acceptQueue.size() >= backlog) {
            tcp.host.drop(seg.in(), seg.packet(), seg.packetOffset(), DropReason.LISTEN_QUEUE_FULL,
                    "backlog of " + backlog + " on TCP port " + localPort + " is full");
            return;
        }
        TcpConnection child = tcp.newConnection();
        child.parent = this;
        child.reuseAddress = reuseAddress;
        child.noDelay = noDelay;
        child.receiveBuffer.setCapacity(receiveBuffer.capacity());
        child.sendBuffer.setCapacity(sendBuffer.capacity());
        child.localAddress = seg.destination();
        child.localPort = localPort;
        child.remoteAddress = seg.source();
        child.remotePort = h.sourcePort();
        child.key = new Tcp.Key(child.localAddress.value(), localPort, child.remoteAddress.value(), child.remotePort);
        child.portHeld = true;
        tcp.holdPort(child);
        tcp.connected(child);
        halfOpen++;
        child.acceptSyn(seg);
    }

    /** The child's side of a passive open: record the peer's SYN and answer with SYN+ACK. */
    private void acceptSyn(Tcp.Incoming seg) {
        TcpHeaderView h = seg.header();
        TcpOptions o = seg.options();
        TcpSettings s = tcp.settings;
        windowScaling = s.windowScaling.value() == 1 && o.windowScale() >= 0;
        sackPermitted = s.sack.value() == 1 && o.sackPermitted();
        timestamps = s.timestamps.value() == 1 && o.timestamps() != null;
        chooseReceiveParameters();
        startSequenceSpace();
        recordPeerSyn(h, o);
        state = TcpState.LISTEN; // the child starts where its listener is, so that its first change reads LISTEN → SYN_RECV
        setState(TcpState.SYN_RECEIVED, "SYN received");
        sendSyn(true);
        traceVariables();
    }

    /** 3.10.7.3. */
    private void synSentReceive(Tcp.Incoming seg) {
        TcpHeaderView h = seg.header();
        long ack = h.acknowledgmentNumber();
        if (h.ack() && (Seq.le(ack, iss) || Seq.gt(ack, sndMax))) {
            if (!h.rst()) tcp.sendResetFor(seg);
            return;
        }
        if (h.rst()) {
            if (h.ack()) fail(TcpError.REFUSED, "RST received in SYN_SENT: connection refused");
            return;
        }
        if (!h.syn()) return;
        recordPeerSyn(h, seg.options());
        negotiateFromSynAck(seg.options());
        if (h.ack()) {
            sndUna = ack;
            ackReceived();
            cancel(retransmitTimer);
            retransmitTimer = null;
            // the first RTT sample is timed on data, not on the handshake (RFC 6298 allows either); until then
            // the RTO stays at its initial 1 s, or its backed-off value after a resent SYN (5.7)
            retries = 0;
            updateWindow(h.sequenceNumber(), ack, h.window(), true);
            cc.init(sndMss, (int) tcp.settings.initialCwnd.value());
            setState(TcpState.ESTABLISHED, "SYN+ACK received");
            sendAck();
            events.connected();
            trySend();
        } else {
            // simultaneous open (3.5, figure 8): both sides sent a SYN
            setState(TcpState.SYN_RECEIVED, "SYN received in SYN_SENT (simultaneous open)");
            sendSyn(true);
        }
    }

    /** Drops the options our SYN offered that the peer's SYN+ACK did not return (RFC 7323 2.2, 3.2; RFC 2018 2). */
    private void negotiateFromSynAck(TcpOptions o) {
        if (windowScaling && o.windowScale() < 0) windowScaling = false;
        if (sackPermitted && !o.sackPermitted()) sackPermitted = false;
        if (timestamps && o.timestamps() == null) timestamps = false;
        if (!windowScaling) {
            rcvWscale = 0;
            sndWscale = 0;
        }
        computeSendMss(o.mss());
    }

    private void recordPeerSyn(TcpHeaderView h, TcpOptions o) {
        irs = h.sequenceNumber();
        rcvNxt = Seq.add(irs, 1);
        rcvAdv = Seq.add(rcvNxt, Math.min(receiveBuffer.window(), 65_535));
        if (windowScaling && o.windowScale() >= 0) {
            sndWscale = Math.min(o.windowScale(), 14); // RFC 7323 2.3
        } else {
            windowScaling = false;
            sndWscale = 0;
            rcvWscale = 0;
        }
        if (timestamps && o.timestamps() != null) tsRecent = o.timestamps().value();
        computeSendMss(o.mss());
        sndWnd = h.window(); // RFC 7323 2.2: the window of a SYN is never scaled
        sndWl1 = irs;
    }

    private void computeSendMss(int peerMss) {
        int mss = Math.min(peerMss < 0 ? DEFAULT_MSS : peerMss, rcvMss);
        sndMss = Math.max(1, mss - (timestamps ? TIMESTAMPS_OPTION : 0));
    }

    /** 3.10.7.4: every state after the handshake began. */
    private void synchronizedReceive(Tcp.Incoming seg) {
        TcpHeaderView h = seg.header();
        long seq = h.sequenceNumber();
        boolean syn = h.syn();
        int dataOffset = h.payloadOffset();
        int dataLength = h.payloadLength();
        boolean fin = h.fin();

        // simultaneous open: the peer's SYN+ACK repeats the SYN we already took; keep its ACK
        if (state == TcpState.SYN_RECEIVED && syn && h.ack() && seq == irs) {
            syn = false;
            seq = Seq.add(seq, 1);
        }
        long segLen = dataLength + (syn ? 1 : 0) + (fin ? 1 : 0);

        // first: is the segment acceptable? (the table of 3.10.7.4)
        long wnd = rcvWnd();
        boolean acceptable;
        if (segLen == 0) {
            acceptable = wnd == 0 ? seq == rcvNxt : Seq.inRange(rcvNxt, seq, Seq.add(rcvNxt, wnd));
        } else if (wnd == 0) {
            acceptable = false;
        } else {
            acceptable = Seq.inRange(rcvNxt, seq, Seq.add(rcvNxt, wnd))
                    || Seq.inRange(rcvNxt, Seq.add(seq, segLen - 1), Seq.add(rcvNxt, wnd));
        }
        if (!acceptable && wnd == 0 && seq == rcvNxt && !h.rst()) {
            // "special allowance … to accept valid ACKs, URGs, and RSTs": a zero window drops the text, not the ACK
            dropText(seg, "zero receive window: " + dataLength + " bytes not taken");
            dataLength = 0;
            fin = false;
            acceptable = true;
            ackNow = true;
        }
        if (!acceptable) {
            if (h.rst()) return;
            if (state == TcpState.TIME_WAIT && fin) restartTimeWait(); // 3.10.7.4: a retransmitted FIN
            dropText(seg, "sequence " + seq + " outside the window " + rcvNxt + ".." + Seq.add(rcvNxt, wnd)
                    + ": acknowledged and discarded");
            sendAck();
            return;
        }

        // second: RST (RFC 5961 3.2): reset only on an exact match; otherwise a challenge ACK
        if (h.rst()) {
            if (seq != rcvNxt) {
                sendAck();
                return;
            }
            switch (state) {
                case SYN_RECEIVED -> {
                    if (parent != null) destroy("RST received in SYN_RECV: the half-open connection is dropped");
                    else fail(TcpError.REFUSED, "RST received in SYN_RECV");
                }
                case ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT -> fail(TcpError.RESET, "RST received");
                default -> destroy("RST received in " + state.netstatName());
            }
            return;
        }

        // fourth: a SYN in a synchronized state gets a challenge ACK (RFC 5961 4.2)
        if (syn) {
            sendAck();
            return;
        }

        // fifth: the ACK field
        if (!h.ack()) return;
        long ack = h.acknowledgmentNumber();
        if (state == TcpState.SYN_RECEIVED) {
            if (!(Seq.lt(sndUna, ack) && Seq.le(ack, sndMax))) {
                tcp.sendResetFor(seg);
                return;
            }
            sndUna = ack;
            ackReceived();
            cancel(retransmitTimer);
            retransmitTimer = null;
            retries = 0;
            updateWindow(seq, ack, h.window(), false);
            cc.init(sndMss, (int) tcp.settings.initialCwnd.value());
            setState(TcpState.ESTABLISHED, "ACK of SYN+ACK received");
            if (parent != null && parent.state != TcpState.LISTEN) {
                sendReset();
                destroy("its listener was closed: RST sent");
                return;
            } else if (parent != null) {
                TcpConnection listener = parent;
                listener.halfOpen--;
                listener.acceptQueue.addLast(this);
                listener.events.incoming();
            } else {
                events.connected();
            }
        } else {
            if (Seq.gt(ack, sndMax)) {
                sendAck(); // it acknowledges something never sent
                return;
            }
            processAck(seg, seq, ack, dataLength == 0 && !fin);
            if (state == TcpState.CLOSED) return;
        }
        if (timestamps && seg.options().timestamps() != null && Seq.le(seq, rcvNxt)) {
            tsRecent = seg.options().timestamps().value(); // RFC 7323 4.3
        }

        // seventh: the segment text
        if (dataLength > 0) {
            if (!state.canReceive()) {
                dropText(seg, "data after the peer's FIN");
            } else if (orphaned) {
                // the application has closed: nobody will read this (Linux: TCPAbortOnData)
                sendReset();
                destroy("data arrived after close(): RST sent");
                return;
            } else {
                receiveText(seg, seq, dataOffset, dataLength);
            }
        }

        // eighth: FIN
        if (fin) {
            peerFinKnown = true;
            peerFinSeq = Seq.add(seq, dataLength);
        }
        if (peerFinKnown && !peerFinReceived && rcvNxt == peerFinSeq) finReceived();

        trySend();
        if (ackNow) sendAck();
    }

    private void dropText(Tcp.Incoming seg, String why) {
        if (trace.observed(Trace.Kind.FRAME_DROPPED) && seg.header().payloadLength() > 0) {
            tcp.host.drop(seg.in(), seg.packet(), seg.packetOffset(), DropReason.OUT_OF_WINDOW, why);
        }
    }

    /** The ACK processing of 3.10.7.4 "fifth", RFC 5681 3.2 and RFC 6582 3.2 for ESTABLISHED and later. */
    private void processAck(Tcp.Incoming seg, long seq, long ack, boolean pure) {
        long windowBefore = sndWnd;
        boolean windowUpdated = updateWindow(seq, ack, seg.header().window(), false);
        boolean classicDuplicate = ack == sndUna && pure && !windowUpdated && sndNxt != sndUna && windowBefore == sndWnd;
        if (sackPermitted) {
            sackAck(seg.options().sackBlocks(), ack, classicDuplicate);
        } else if (Seq.gt(ack, sndUna)) {
            newAck(ack);
        } else if (classicDuplicate) {
            duplicateAck();
        }
        unansweredProbes = 0;
        if (sndWnd > 0 && pending(persistTimer)) {
            cancel(persistTimer);
            persistTimer = null;
            persistBackoff = 0;
        }
        finAcknowledged();
    }

    /** Takes the peer's window if the segment is newer than the one it last came in (SND.WL1/WL2, 3.10.7.4). */
    private boolean updateWindow(long seq, long ack, int window, boolean syn) {
        if (!(Seq.lt(sndWl1, seq) || (sndWl1 == seq && Seq.le(sndWl2, ack))) && !syn) return false;
        long wnd = syn ? window : ((long) window << sndWscale);
        boolean changed = wnd != sndWnd;
        sndWnd = wnd;
        sndWl1 = seq;
        sndWl2 = ack;
        maxSndWnd = Math.max(maxSndWnd, wnd);
        return changed;
    }

    private void newAck(long ack) {
        int acked = Seq.diff(ack, sndUna);
        int data = takeCumulativeAck(ack);
        if (inRecovery) {
            if (Seq.ge(ack, recover)) {
                inRecovery = false;
                cc.onRecoveryEnd(Seq.diff(sndMax, sndUna), sndMss);
            } else {
                // a partial ACK: the next hole is lost too (RFC 6582 3.2 step 5)
                retransmitFirst();
                cc.onPartialAck(acked, sndMss);
                restartRetransmitTimer();
            }
        } else {
            cc.onAck(acked, sndMss);
        }
        dupAcks = 0;
        limitedTransmitSent = 0;
        if (sndUna == sndMax) {
            cancel(retransmitTimer);
            retransmitTimer = null;
        } else if (!inRecovery) {
            restartRetransmitTimer(); // RFC 6298 5.3
        }
        if (data > 0) events.writable();
    }

    /**
     * What every ACK of new data does, whichever recovery runs: frees the acknowledged bytes, moves SND.UNA, takes an
     * RTT sample. Returns the bytes of data freed in the send buffer.
     */
    private int takeCumulativeAck(long ack) {
        int acked = Seq.diff(ack, sndUna);
        int data = Math.min(acked, sendBuffer.size());
        sendBuffer.acknowledge(data);
        sndUna = ack;
        ackReceived();
        if (Seq.lt(sndNxt, sndUna)) sndNxt = sndUna;
        if (rttTiming && Seq.gt(ack, rttSeq)) {
            rtt.sample(tcp.now() - rttStart);
            rttTiming = false;
        }
        retries = 0;
        softError = null;
        if (tcp.now() - neighbourConfirmed >= SimTime.SECOND) {
            // forward progress: the path works, so ARP need not ask again while it lasts (RFC 1122 2.3.2.1)
            tcp.host.confirmReachable(remoteAddress);
            neighbourConfirmed = tcp.now();
        }
        return data;
    }

    /**
     * The ACK processing of a connection that negotiated SACK: RFC 6675 5 with Proportional Rate Reduction (RFC 6937).
     * A DupAck here is RFC 6675 2's: an ACK whose SACK blocks report bytes not reported before, even if it also moves
     * SND.UNA or the window; an ACK without SACK blocks counts when it is a duplicate in RFC 5681's sense, so that a
     * peer that agreed to SACK but sends no blocks still gets fast retransmit.
     */
    private void sackAck(List<TcpOptions.SackBlock> blocks, long ack, boolean classicDuplicate) {
        if (scoreboard == null && !blocks.isEmpty()) scoreboard = new SackScoreboard();
        int acked = Seq.gt(ack, sndUna) ? Seq.diff(ack, sndUna) : 0;
        long sackedBefore = scoreboard == null ? 0 : scoreboard.sackedBytes();
        long newlySacked = scoreboard == null ? 0 : scoreboard.update(blocks, ack, sndMax); // step (1): Update()
        long sackedAfter = scoreboard == null ? 0 : scoreboard.sackedBytes();
        long deliveredData = acked + sackedAfter - sackedBefore; // RFC 6937 3: DeliveredData
        int data = acked > 0 ? takeCumulativeAck(ack) : 0;
        if (acked > 0) {
            dupAcks = 0; // step (2)
            limitedTransmitSent = 0;
        }
        if (inRecovery) {
            if (Seq.ge(ack, recover)) {
                // step (A) of RFC 6675 5: an ACK at or beyond RecoveryPoint ends recovery; RFC 6937 3: cwnd = ssthresh
                inRecovery = false;
                cc.onSackRecoveryEnd();
            } else {
                // step (B): SetPipe(), and PRR decides how much of cwnd − pipe trySend may use (step C)
                long pipe = pipe();
                cc.setRecoveryCwnd(pipe + prr.sendCount(deliveredData, pipe, cc.ssthresh(), sndMss));
            }
        } else {
            if (acked > 0) cc.onAck(acked, sndMss);
            if ((newlySacked > 0 || (blocks.isEmpty() && classicDuplicate)) && sndUna != sndMax) {
                dupAcks++; // step (3)
                // (3.1) DupThresh duplicates, or (3.2) IsLost(HighACK + 1); never before HighACK reached the
                // RecoveryPoint of an earlier recovery or timeout (RFC 6675 5, 5.1)
                boolean lost = scoreboard != null && scoreboard.isLost(sndUna, sndMss);
                if ((dupAcks >= SackScoreboard.DUP_THRESH || lost) && Seq.ge(sndUna, recover)) {
                    enterSackRecovery(deliveredData);
                }
            }
        }
        if (sndUna == sndMax) {
            cancel(retransmitTimer);
            retransmitTimer = null;
        } else if (acked > 0) {
            restartRetransmitTimer(); // RFC 6298 5.3
        }
        if (data > 0) events.writable();
    }

    /**
     * RFC 6675 5 step (4): RecoveryPoint = HighData (4.1), ssthresh from half the flight (4.2; or half the pipe, with
     * {@code net.ipv4.tcp_ssthresh_from_pipe=1}, as ns-3 does), PRR started with
     * RecoverFS = the flight (RFC 6937 3) and applied to this ACK, and the first segment presumed dropped, the one at
     * HighACK, retransmitted at once (4.3); trySend then sends what else cwnd − pipe allows (4.4, 4.5).
     */
    private void enterSackRecovery(long deliveredData) {
        if (scoreboard == null) scoreboard = new SackScoreboard();
        if (prr == null) prr = new ProportionalRateReduction();
        long flight = Seq.diff(sndMax, sndUna);
        recover = sndMax;
        inRecovery = true;
        lossRecoveries++;
        highRxt = sndUna;
        rttTiming = false; // Karn
        // RFC 6675 4.2 after RFC 5681 3.2 step 2: ssthresh from FlightSize, less what limited transmit sent. With
        // net.ipv4.tcp_ssthresh_from_pipe=1, from the pipe instead (SetPipe() now, before the retransmission: sent,
        // less SACKed, less deemed lost), as ns-3's EnterRecovery passes its BytesInFlight() (TcpSettings)
        long flightForSsthresh = tcp.settings.ssthreshFromPipe.value() == 1 ? pipe() : flight - limitedTransmitSent;
        limitedTransmitSent = 0;
        cc.onSackRecovery(flightForSsthresh, sndMss);
        prr.enter(flight);
        long pipe = pipe();
        cc.setRecoveryCwnd(pipe + prr.sendCount(deliveredData, pipe, cc.ssthresh(), sndMss));
        long[] first = scoreboard.nextUnsacked(sndUna, sndUna, sndMss);
        retransmitRange(sndUna, first == null ? Math.min(sndMss, Seq.diff(sndMax, sndUna)) : (int) first[1]);
        restartRetransmitTimer();
    }

    /** RFC 6675 4 SetPipe(): the bytes in flight as the scoreboard sees them. */
    private long pipe() {
        return scoreboard == null ? Seq.diff(sndMax, sndUna) : scoreboard.pipe(sndUna, sndMax, highRxt, sndMss);
    }

    /**
     * RFC 6675 5 step (C) during SACK recovery: while cwnd − pipe has room for the segment NextSeg() chooses, send it:
     * (1) the first lost hole above HighRxt, (2) else new data the peer's window allows, (3) else the first hole
     * above HighRxt below the highest SACKed byte, lost or not. (Rule 4, the optional rescue retransmission, is not
     * implemented: the retransmission timer covers that case.)
     */
    private void sackRecoverySend() {
        while (true) {
            long room = cc.cwnd() - pipe();
            long[] next = scoreboard.nextLost(sndUna, highRxt, sndMss);
            if (next == null) {
                int sent = Seq.diff(sndMax, sndUna);
                long unsent = sendBuffer.size() - (long) sent;
                long len = Math.min(Math.min(unsent, sndMss), sndWnd - sent);
                if (len > 0) {
                    if (room < len) return;
                    sendData(sndMax, sent, (int) len, len == unsent);
                    long end = Seq.add(sndMax, len + (finQueued && Seq.add(sndMax, len) == finSeq ? 1 : 0));
                    sndNxt = sndMax = end;
                    prr.sent(len);
                    continue;
                }
                next = scoreboard.nextUnsacked(sndUna, highRxt, sndMss);
                if (next == null) return;
            }
            if (room < next[1]) return;
            if (!retransmitRange(next[0], (int) next[1])) return; // nothing there to send: never spin
        }
    }

    /**
     * Retransmits up to {@code len} bytes of sequence space from {@code seq} during SACK recovery (the FIN counts as
     * one), and moves HighRxt past them (RFC 6675 5 step C.2). False when there was nothing to send there.
     */
    private boolean retransmitRange(long seq, int len) {
        int offset = Seq.diff(seq, sndUna);
        int dataLen = Math.max(0, Math.min(len, sendBuffer.size() - offset));
        int seqLen;
        if (dataLen > 0) {
            sendData(seq, offset, dataLen, offset + dataLen == sendBuffer.size());
            seqLen = dataLen + (finQueued && Seq.add(seq, dataLen) == finSeq ? 1 : 0);
        } else if (finQueued && seq == finSeq) {
            countRetransmission(seq);
            sendSegment(finSeq, TcpHeaderView.FLAG_FIN | TcpHeaderView.FLAG_ACK, 0, 0);
            armRetransmitTimer();
            seqLen = 1;
        } else {
            return false;
        }
        long end = Seq.add(seq, seqLen);
        if (Seq.gt(end, highRxt)) highRxt = end;
        prr.sent(seqLen);
        return true;
    }

    /** The ACK took SND.UNA past SND.MAX only for a window probe's byte; keep the invariants. */
    private void ackReceived() {
        if (Seq.gt(sndUna, sndMax)) sndMax = sndUna;
    }

    /**
     * Limited transmit (RFC 3042): the first and second duplicate ACK each let one segment of new data go beyond
     * cwnd (cwnd itself unchanged), so that a small window still collects the three duplicates fast retransmit
     * needs instead of waiting for the retransmission timer.
     */
    private long limitedTransmit() {
        return !inRecovery && dupAcks > 0 && dupAcks < 3 && sndNxt == sndMax ? (long) dupAcks * sndMss : 0;
    }

    private void duplicateAck() {
        dupAcks++;
        if (inRecovery) {
            cc.onDuplicateAckInRecovery(sndMss); // RFC 6582 3.2 step 3: each further duplicate inflates cwnd
            return;
        }
        if (dupAcks == 3 && Seq.gt(sndUna, recover)) {
            // RFC 6582 3.2 step 2: fast retransmit and enter fast recovery
            recover = sndMax;
            inRecovery = true;
            lossRecoveries++;
            // RFC 5681 3.2 step 2: data sent by limited transmit MUST NOT be counted in FlightSize here
            cc.onFastRetransmit(Seq.diff(sndMax, sndUna) - limitedTransmitSent, sndMss);
            limitedTransmitSent = 0;
            rttTiming = false; // Karn
            retransmitFirst();
            restartRetransmitTimer();
        }
    }

    private void finAcknowledged() {
        if (!finQueued || !Seq.gt(sndUna, finSeq)) return;
        switch (state) {
            case FIN_WAIT_1 -> {
                setState(TcpState.FIN_WAIT_2, "ACK of FIN received");
                if (orphaned) armFinWait2Timer();
            }
            case CLOSING -> enterTimeWait("ACK of FIN received in CLOSING");
            case LAST_ACK -> destroy("ACK of FIN received");
            default -> { }
        }
    }

    /** Puts data into the receive buffer and decides when to acknowledge it (RFC 9293 3.8.6.3, RFC 5681 4.2). */
    private void receiveText(Tcp.Incoming seg, long seq, int dataOffset, int dataLength) {
        int skip = Seq.diff(rcvNxt, seq);
        if (skip > 0) {
            dataOffset += skip;
            dataLength -= skip;
        }
        if (dataLength <= 0) {
            ackNow = true; // a duplicate: acknowledge and discard
            return;
        }
        int offset = Math.max(0, -skip);
        boolean hadHole = receiveBuffer.outOfOrderBytes() > 0;
        int room = receiveBuffer.window() - offset;
        if (room < dataLength) dropText(seg, (dataLength - Math.max(0, room)) + " bytes beyond the receive window");
        if (offset > 0 && sackPermitted) noteSackArrival(Seq.add(rcvNxt, offset));
        int advanced = receiveBuffer.insert(offset, seg.packet(), dataOffset, dataLength);
        if (advanced > 0) rcvNxt = Seq.add(rcvNxt, advanced);
        if (offset > 0 || hadHole) {
            ackNow = true; // out of order, or filling a hole: ACK at once (RFC 5681 4.2)
        } else if (tcp.settings.delayedAck.value() == 0 || Seq.diff(rcvNxt, lastAckSent) >= 2 * (rcvMss - (timestamps ? TIMESTAMPS_OPTION : 0))) {
            ackNow = true; // every second full-sized segment
        } else if (!pending(delayedAckTimer)) {
            delayedAckTimer = tcp.simulation.schedule(TcpSettings.ms(tcp.settings.delayedAck), () -> run(() -> {
                delayedAckTimer = null;
                if (state.synchronized_()) sendAck();
            }));
        }
        if (advanced > 0) events.readable();
    }

    private void finReceived() {
        peerFinReceived = true;
        rcvNxt = Seq.add(rcvNxt, 1);
        ackNow = true;
        switch (state) {
            case SYN_RECEIVED, ESTABLISHED -> setState(TcpState.CLOSE_WAIT, "FIN received");
            case FIN_WAIT_1 -> {
                if (finQueued && Seq.gt(sndUna, finSeq)) enterTimeWait("FIN received in FIN_WAIT1, our FIN acknowledged");
                else setState(TcpState.CLOSING, "FIN received in FIN_WAIT1 (simultaneous close)");
            }
            case FIN_WAIT_2 -> {
                cancel(finWait2Timer);
                enterTimeWait("FIN received");
            }
            default -> { }
        }
        events.readable();
    }

    /**
     * A router could not forward one of our segments without fragmenting it (RFC 1191; IPv4 has already lowered the
     * path MTU it reports): shrink the MSS to fit and send again at once what is outstanding, in smaller segments,
     * without treating it as congestion (as Linux's {@code tcp_simple_retransmit}).
     */
    void pathMtuShrank() {
        int mss = tcp.host.mtuTowards(remoteAddress) - IP_AND_TCP_HEADERS - (timestamps ? TIMESTAMPS_OPTION : 0);
        if (mss >= sndMss || mss < 8) return;
        run(() -> {
            sndMss = mss;
            if (!state.synchronized_() || sndUna == sndMax) return;
            rttTiming = false;
            sndNxt = sndUna;
            trySend();
        });
    }

    /** An ICMP destination unreachable about this connection: fatal in SYN_SENT, a soft error otherwise. */
    void unreachable(int code) {
        TcpError e = switch (code) {
            case IcmpMessage.NET_UNREACHABLE -> TcpError.NETWORK_UNREACHABLE;
            case IcmpMessage.HOST_UNREACHABLE -> TcpError.HOST_UNREACHABLE;
            case IcmpMessage.PORT_UNREACHABLE, IcmpMessage.PROTOCOL_UNREACHABLE -> TcpError.REFUSED;
            default -> null;
        };
        if (e == null) return;
        // RFC 1122 4.2.3.9 calls net and host unreachable soft errors; Linux (tcp_v4_err) ends a connection still in
        // SYN_SENT on any of them, so `nc` to an absent neighbour says "No route to host" once ARP gives up, as a
        // learner's own machine would. Later, they stay soft: reported only if the connection times out.
        if (state == TcpState.SYN_SENT) {
            run(() -> fail(e, "ICMP destination unreachable (code " + code + ") in SYN_SENT"));
        } else {
            softError = e;
        }
    }

    // ---- sending -------------------------------------------------------------------------------------------

    /** Sends what the windows, Nagle and silly-window avoidance allow, and the FIN once every byte has gone. */
    private void trySend() {
        if (!(state == TcpState.ESTABLISHED || state == TcpState.CLOSE_WAIT || state == TcpState.FIN_WAIT_1
                || state == TcpState.CLOSING || state == TcpState.LAST_ACK)) {
            return;
        }
        if (inRecovery && sackPermitted) {
            sackRecoverySend();
            return;
        }
        while (true) {
            if (scoreboard != null && Seq.lt(sndNxt, sndMax)) {
                // going back after a timeout: what the peer SACKed since need not go again (RFC 6675 5.1)
                long end = scoreboard.sackedUntil(sndNxt);
                if (end != sndNxt) {
                    sndNxt = end;
                    continue;
                }
            }
            int sent = Seq.diff(sndNxt, sndUna);
            int unsent = sendBuffer.size() - sent;
            if (unsent <= 0) break;
            long window = Math.min(sndWnd, cc.cwnd() + limitedTransmit());
            long usable = window - Seq.diff(sndNxt, sndUna);
            int len = (int) Math.min(Math.min(unsent, sndMss), Math.max(0, usable));
            boolean inFlight = sndNxt != sndUna;
            if (len <= 0) {
                if (!inFlight && !pending(retransmitTimer)) armPersistTimer();
                break;
            }
            boolean lastOfBuffer = len == unsent;
            boolean fullSegment = len == sndMss;
            // Nagle (3.7.4) in Minshall's form, as Linux: a short segment waits only while an earlier short one
            // is unacknowledged, so a large write leaves at once, its short tail included. An earlier one: after a
            // timeout SND.NXT is back at SND.UNA, and the short segment being resent must not hold itself back
            boolean smallUnacked = Seq.gt(smallSegmentEnd, sndUna) && Seq.le(smallSegmentEnd, sndNxt);
            boolean push = lastOfBuffer && (!smallUnacked || noDelay || finQueued);
            // sender-side silly-window avoidance (3.8.6.2.1): a short segment only if it is all there is to send,
            // or at least half the largest window the peer offered
            boolean halfWindow = maxSndWnd > 0 && len >= maxSndWnd / 2 && (!smallUnacked || noDelay);
            if (!fullSegment && !push && !halfWindow) {
                if (!inFlight) armPersistTimer(); // the override timeout: send what fits if nothing else moves
                break;
            }
            if (!fullSegment) smallSegmentEnd = Seq.add(sndNxt, len);
            long beyondCwnd = Seq.diff(sndNxt, sndUna) + len - cc.cwnd();
            if (beyondCwnd > 0) limitedTransmitSent += Math.min(len, beyondCwnd);
            sendData(sndNxt, sent, len, lastOfBuffer);
            sndNxt = Seq.add(sndNxt, len + (finQueued && Seq.add(sndNxt, len) == finSeq ? 1 : 0));
            if (Seq.gt(sndNxt, sndMax)) sndMax = sndNxt;
        }
        if (finQueued && sndNxt == finSeq) {
            // the FIN alone: every byte went out already
            if (Seq.gt(sndMax, finSeq)) countRetransmission(finSeq);
            sendSegment(finSeq, TcpHeaderView.FLAG_FIN | TcpHeaderView.FLAG_ACK, 0, 0);
            sndNxt = Seq.add(finSeq, 1);
            if (Seq.gt(sndNxt, sndMax)) sndMax = sndNxt;
            armRetransmitTimer();
        }
    }

    /** Sends {@code len} bytes from buffer offset {@code offset} at {@code seq}; FIN rides along on the last byte. */
    private void sendData(long seq, int offset, int len, boolean lastOfBuffer) {
        boolean retransmission = Seq.lt(seq, sndMax);
        if (retransmission) {
            countRetransmission(seq);
        } else if (!rttTiming) {
            rttTiming = true; // time one segment per round trip (RFC 6298 3; Karn: never a retransmitted one)
            rttSeq = seq;
            rttStart = tcp.now();
        }
        int flags = TcpHeaderView.FLAG_ACK | (lastOfBuffer ? TcpHeaderView.FLAG_PSH : 0);
        if (finQueued && Seq.add(seq, len) == finSeq) flags |= TcpHeaderView.FLAG_FIN;
        sendSegment(seq, flags, offset, len);
        armRetransmitTimer();
    }

    private void countRetransmission(long seq) {
        retransmittedSegments++;
        if (rttTiming && Seq.ge(rttSeq, seq)) rttTiming = false; // Karn
    }

    /** Resends the first unacknowledged segment (fast retransmit, NewReno's partial ACK). */
    private void retransmitFirst() {
        int len = Math.min(sndMss, sendBuffer.size());
        if (len > 0) {
            countRetransmission(sndUna);
            int flags = TcpHeaderView.FLAG_ACK | (len == sendBuffer.size() ? TcpHeaderView.FLAG_PSH : 0);
            if (finQueued && Seq.add(sndUna, len) == finSeq) flags |= TcpHeaderView.FLAG_FIN;
            sendSegment(sndUna, flags, 0, len);
        } else if (finQueued && sndUna == finSeq) {
            countRetransmission(sndUna);
            sendSegment(finSeq, TcpHeaderView.FLAG_FIN | TcpHeaderView.FLAG_ACK, 0, 0);
        }
    }

    private void queueFin(TcpState next) {
        finQueued = true;
        finSeq = Seq.add(sndUna, sendBuffer.size());
        setState(next, state == TcpState.CLOSE_WAIT ? "close() called in CLOSE_WAIT" : "close() or shutdown() called");
        trySend();
    }

    private void sendSyn(boolean withAck) {
        TcpOptions o = TcpOptions.NONE.withMss(rcvMss);
        if (windowScaling) o = o.withWindowScale(rcvWscale);
        if (sackPermitted) o = o.withSackPermitted(true);
        if (timestamps) o = o.withTimestamps(tsValue(), withAck ? tsRecent : 0);
        int flags = TcpHeaderView.FLAG_SYN | (withAck ? TcpHeaderView.FLAG_ACK : 0);
        int window = (int) Math.min(receiveBuffer.window(), 65_535); // never scaled on a SYN (RFC 7323 2.2)
        if (withAck) rcvAdv = Seq.add(rcvNxt, window);
        TcpSegment s = new TcpSegment(localPort, remotePort, iss, withAck ? rcvNxt : 0, flags, window, 0, o, Payload.EMPTY);
        transmit(s);
        if (withAck) acked();
        armRetransmitTimer();
    }

    private void sendAck() {
        sendSegment(sndNxt, TcpHeaderView.FLAG_ACK, 0, 0);
    }

    /**
     * An RST at the highest sequence number sent, as BSD (SND.MAX) and Linux ({@code tcp_acceptable_seq}) send it,
     * but no further than the peer's window: after a timeout SND.NXT is back near SND.UNA, below the RCV.NXT of a
     * peer that got everything, which would ignore the RST as out of window (RFC 5961 3.2).
     */
    private void sendReset() {
        long windowEnd = Seq.add(sndUna, sndWnd);
        TcpSegment s = new TcpSegment(localPort, remotePort, Seq.lt(windowEnd, sndMax) ? windowEnd : sndMax, rcvNxt,
                TcpHeaderView.FLAG_RST | TcpHeaderView.FLAG_ACK, 0, 0, TcpOptions.NONE, Payload.EMPTY);
        transmit(s);
    }

    /** Builds and sends one segment of the connection: every one acknowledges RCV.NXT and advertises the window. */
    private void sendSegment(long seq, int flags, int offset, int len) {
        TcpOptions o = TcpOptions.NONE;
        if (timestamps) o = o.withTimestamps(tsValue(), tsRecent);
        if (sackPermitted && receiveBuffer.outOfOrderBytes() > 0) o = withSackBlocks(o);
        int window = advertisedWindow();
        TcpSegment s = new TcpSegment(localPort, remotePort, seq, rcvNxt, flags, window, 0, o, Payload.EMPTY);
        if (len > 0) {
            // the data goes from the send buffer straight into the segment's bytes: one copy, no Payload
            SendResult r = tcp.transmit(localAddress, remoteAddress, s, len, (dst, at) -> sendBuffer.copy(offset, dst, at, len));
            if (r == SendResult.NETWORK_UNREACHABLE) softError = TcpError.NETWORK_UNREACHABLE;
        } else {
            transmit(s);
        }
        acked();
    }

    /**
     * RFC 2018 4: the blocks held beyond RCV.NXT, as many as fit beside the other options (three beside timestamps,
     * four without). The first is the block holding the segment that arrived last (unless that one moved RCV.NXT),
     * then the blocks of earlier arrivals, most recent first, so that each block is repeated in several ACKs and a
     * lost ACK costs the sender nothing; blocks no arrival is remembered for follow in ascending order.
     */
    private TcpOptions withSackBlocks(TcpOptions o) {
        List<int[]> ranges = receiveBuffer.outOfOrderRanges();
        int max = timestamps ? 3 : 4;
        List<TcpOptions.SackBlock> blocks = new ArrayList<>(max);
        boolean[] reported = new boolean[ranges.size()];
        int kept = 0;
        for (int k = 0; k < sackArrivalCount; k++) {
            int offset = Seq.diff(sackArrivals[k], rcvNxt);
            int i = 0;
            while (i < ranges.size() && !(ranges.get(i)[0] <= offset && offset < ranges.get(i)[1])) i++;
            if (i == ranges.size() || reported[i]) continue; // acknowledged by now, or merged with a newer arrival's
            reported[i] = true;
            sackArrivals[kept++] = sackArrivals[k];
            if (blocks.size() < max) blocks.add(sackBlock(ranges.get(i)));
        }
        sackArrivalCount = kept;
        for (int i = 0; i < ranges.size() && blocks.size() < max; i++) {
            if (!reported[i]) blocks.add(sackBlock(ranges.get(i)));
        }
        return o.withSackBlocks(blocks);
    }

    private TcpOptions.SackBlock sackBlock(int[] range) {
        return new TcpOptions.SackBlock(Seq.add(rcvNxt, range[0]), Seq.add(rcvNxt, range[1]));
    }

    /** Out-of-order data arrived at {@code seq}: its block goes first in the next SACK option (RFC 2018 4). */
    private void noteSackArrival(long seq) {
        if (sackArrivals == null) sackArrivals = new long[4];
        int n = Math.min(sackArrivalCount, sackArrivals.length - 1);
        System.arraycopy(sackArrivals, 0, sackArrivals, 1, n);
        sackArrivals[0] = seq;
        sackArrivalCount = n + 1;
    }

    /** What we acknowledged went out: no ACK is owed any more. */
    private void acked() {
        ackNow = false;
        lastAckSent = rcvNxt;
        if (delayedAckTimer != null) {
            cancel(delayedAckTimer);
            delayedAckTimer = null;
        }
    }

    private void transmit(TcpSegment s) {
        SendResult r = tcp.transmit(localAddress, remoteAddress, s);
        if (r == SendResult.NETWORK_UNREACHABLE) softError = TcpError.NETWORK_UNREACHABLE;
    }

    /**
     * The window to advertise (3.8.6.2.2): the free buffer, but grown only once it is at least min(MSS, buffer/2)
     * more than last advertised, and never less than what was promised (the right edge does not move left).
     */
    private int advertisedWindow() {
        long promised = rcvWnd();
        long free = receiveBuffer.window();
        long wnd = promised;
        if (free - promised >= Math.min(rcvMss, receiveBuffer.capacity() / 2)) wnd = free;
        long field = Math.min(wnd >> rcvWscale, 65_535);
        long advertised = field << rcvWscale;
        if (Seq.gt(Seq.add(rcvNxt, advertised), rcvAdv)) rcvAdv = Seq.add(rcvNxt, advertised);
        return (int) field;
    }

    /**
     * After a read: whether to tell the peer at once that the window opened. Only when the window last advertised
     * had fallen to half the buffer or less (the sender may be held back, as Linux's {@code tcp_cleanup_rbuf}
     * judges) and it grew by min(MSS, buffer/2) (3.8.6.2.2); a wide-open window waits for the next ACK.
     */
    private boolean windowUpdateDue() {
        long free = receiveBuffer.window();
        long advertised = rcvWnd();
        return 2 * advertised <= receiveBuffer.capacity()
                && free - advertised >= Math.min(rcvMss, receiveBuffer.capacity() / 2);
    }

    private long tsValue() {
        return (tcp.now() / SimTime.MILLISECOND + tsOffset) & Seq.MASK;
    }

    private void chooseReceiveParameters() {
        rcvMss = tcp.host.mtuTowards(remoteAddress == null ? Ipv4Address.ANY : remoteAddress) - IP_AND_TCP_HEADERS;
        if (remoteAddress != null && tcp.host.isLocal(remoteAddress)) rcvMss = 65_495; // as Linux's lo (MTU 65536)
        rcvWscale = 0;
        if (windowScaling) {
            while (rcvWscale < 14 && (receiveBuffer.capacity() >> rcvWscale) > 65_535) rcvWscale++;
        }
    }

    private void startSequenceSpace() {
        iss = tcp.isn.next(tcp.now(), key);
        tsOffset = tcp.isn.next(0, new Tcp.Key(key.remoteAddress(), key.remotePort(), key.localAddress(), key.localPort()));
        sndUna = iss;
        sndNxt = Seq.add(iss, 1);
        sndMax = sndNxt;
        recover = iss;
        smallSegmentEnd = iss;
    }

    // ---- timers --------------------------------------------------------------------------------------------

    private void armRetransmitTimer() {
        if (!pending(retransmitTimer)) {
            retransmitTimer = tcp.simulation.schedule(rtt.rto(), () -> run(this::retransmitTimeout));
        }
    }

    private void restartRetransmitTimer() {
        if (sndMax != sndUna && pending(retransmitTimer)) {
            tcp.simulation.reschedule(retransmitTimer, rtt.rto()); // the common case, on every ACK: moved in place
            return;
        }
        cancel(retransmitTimer);
        retransmitTimer = null;
        if (sndMax != sndUna) armRetransmitTimer();
    }

    /** RFC 6298 5.4–5.6 with RFC 5681 3.1's loss window, and the retry limits of RFC 1122 4.2.3.5. */
    private void retransmitTimeout() {
        retransmitTimer = null;
        switch (state) {
            case SYN_SENT -> {
                if (++retries > tcp.settings.synRetries.value()) {
                    fail(softError != null ? softError : TcpError.TIMED_OUT, "no answer to " + retries + " SYNs");
                    return;
                }
                rtt.backOff();
                countRetransmission(iss);
                sendSyn(false);
            }
            case SYN_RECEIVED -> {
                if (++retries > tcp.settings.synAckRetries.value()) {
                    if (parent != null) destroy("no ACK for the SYN+ACK");
                    else fail(TcpError.TIMED_OUT, "no ACK for the SYN+ACK");
                    return;
                }
                rtt.backOff();
                countRetransmission(iss);
                sendSyn(true);
            }
            case ESTABLISHED, CLOSE_WAIT, FIN_WAIT_1, CLOSING, LAST_ACK -> {
                if (sndUna == sndMax) return;
                if (++retries > tcp.settings.dataRetries.value()) {
                    sendReset();
                    fail(softError != null ? softError : TcpError.TIMED_OUT,
                            "no ACK after " + (retries - 1) + " retransmissions");
                    return;
                }
                retransmissionTimeouts++;
                cc.onTimeout(Seq.diff(sndMax, sndUna), sndMss);
                rtt.backOff();
                rttTiming = false;
                inRecovery = false;
                dupAcks = 0;
                limitedTransmitSent = 0;
                recover = sndMax; // RFC 6582 4, RFC 6675 5.1: no fast retransmit for what was sent before the timeout
                // RFC 2018 8, kept by RFC 6675 5.1: the receiver may have reneged, so forget its SACK blocks; the
                // blocks of ACKs after the timeout are recorded again, and trySend skips what they cover
                if (scoreboard != null) scoreboard.clear();
                sndNxt = sndUna; // go back: resend from SND.UNA as the window allows
                trySend();
                armRetransmitTimer();
            }
            default -> { }
        }
    }

    private void armPersistTimer() {
        if (pending(persistTimer)) return;
        long timeout = Math.min(Math.max(rtt.rto(), TcpSettings.ms(tcp.settings.rtoMin)) << Math.min(persistBackoff, 20),
                TcpSettings.ms(tcp.settings.rtoMax));
        persistTimer = tcp.simulation.schedule(timeout, () -> run(this::persistTimeout));
    }

    /** A window probe: one byte beyond the zero window, sent again with back-off until the window opens. */
    private void persistTimeout() {
        persistTimer = null;
        if (!state.synchronized_()) return;
        int unsent = sendBuffer.size() - Seq.diff(sndNxt, sndUna);
        if (unsent <= 0) return;
        if (sndWnd > 0) {
            // the override timeout of 3.8.6.2.1: the window is open but too small for silly-window avoidance
            persistBackoff = 0;
            int len = (int) Math.min(Math.min(unsent, sndMss), Math.min(sndWnd, cc.cwnd()) - Seq.diff(sndNxt, sndUna));
            if (len > 0) {
                sendData(sndNxt, Seq.diff(sndNxt, sndUna), len, len == unsent);
                sndNxt = Seq.add(sndNxt, len);
                if (Seq.gt(sndNxt, sndMax)) sndMax = sndNxt;
            }
            return;
        }
        if (++unansweredProbes > tcp.settings.dataRetries.value()) {
            sendReset();
            fail(TcpError.TIMED_OUT, "window probes unanswered");
            return;
        }
        sendSegment(sndNxt, TcpHeaderView.FLAG_ACK, Seq.diff(sndNxt, sndUna), 1);
        if (Seq.gt(Seq.add(sndNxt, 1), sndMax)) sndMax = Seq.add(sndNxt, 1);
        persistBackoff++;
        armPersistTimer();
    }

    private void enterTimeWait(String cause) {
        cancelTimers();
        setState(TcpState.TIME_WAIT, cause);
        restartTimeWait();
    }

    private void restartTimeWait() {
        cancel(timeWaitTimer);
        timeWaitTimer = tcp.simulation.schedule(2 * TcpSettings.ms(tcp.settings.msl),
                () -> run(() -> destroy("2·MSL elapsed")));
    }

    private void armFinWait2Timer() {
        if (pending(finWait2Timer)) return;
        finWait2Timer = tcp.simulation.schedule(TcpSettings.ms(tcp.settings.finTimeout),
                () -> run(() -> destroy("no FIN from the peer within net.ipv4.tcp_fin_timeout")));
    }

    private void cancelTimers() {
        cancel(retransmitTimer);
        cancel(persistTimer);
        cancel(delayedAckTimer);
        cancel(timeWaitTimer);
        cancel(finWait2Timer);
        retransmitTimer = persistTimer = delayedAckTimer = timeWaitTimer = finWait2Timer = null;
    }

    private void cancel(Timer t) {
        if (t != null) tcp.simulation.cancel(t);
    }

    private static boolean pending(Timer t) {
        return t != null && t.pending();
    }

    // ---- ending --------------------------------------------------------------------------------------------

    /** Ends the connection with an error the application will see. */
    private void fail(TcpError e, String cause) {
        error = e;
        Events ev = events;
        destroy(cause);
        ev.failed(e);
    }

    /** CLOSED: forget the TCB (RFC 9293 "delete the TCB"). */
    private void destroy(String cause) {
        cancelTimers();
        if (parent != null && state == TcpState.SYN_RECEIVED) parent.halfOpen--;
        if (parent != null) parent.acceptQueue.remove(this);
        parent = null;
        if (state != TcpState.CLOSED) setState(TcpState.CLOSED, cause);
        tcp.forget(this);
        portHeld = false;
    }

    private void setState(TcpState next, String cause) {
        TcpState before = state;
        state = next;
        // a handful per connection: cheap enough to build even when nobody listens, and then the count is right
        trace.emit(new TraceEvent.SocketStateChanged(tcp.now(), tcp.host.name(), id, "tcp",
                localAddress + ":" + localPort, remoteAddress == null ? null : remoteAddress + ":" + remotePort,
                before.name(), next.name(), cause));
    }

    /** Runs an entry point from the socket layer or a timer, then reports what it changed. */
    private void run(Runnable r) {
        r.run();
        traceVariables();
    }

    /** One event with every variable, when someone listens and at least one changed since the last. */
    private void traceVariables() {
        if (!trace.observed(Trace.Kind.TCP_VARIABLES) || !state.synchronized_()) return;
        long[] v = {sndUna, sndNxt, sndWnd, rcvNxt, rcvWnd(), cc.cwnd(), cc.ssthresh(), rtt.srtt(), rtt.rttvar(),
                rtt.rto(), sendBuffer.size(), receiveBuffer.readable(), 0};
        if (java.util.Arrays.equals(v, traced)) return;
        System.arraycopy(v, 0, traced, 0, v.length);
        trace.emit(new TraceEvent.TcpVariablesChanged(tcp.now(), tcp.host.name(), id, sndUna, sndNxt, sndWnd, rcvNxt,
                rcvWnd(), cc.cwnd(), cc.ssthresh(), rtt.srtt(), rtt.rttvar(), rtt.rto(), sendBuffer.size(),
                receiveBuffer.readable()));
    }

    @Override
    public String toString() {
        return "tcp#" + id + " " + localAddress + ":" + localPort + " → " + remoteAddress + ":" + remotePort + " " + state;
    }
}
