package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.Secrets;
import dev.packetlab.server.runtime.InstanceOwner.Right;
import dev.packetlab.server.runtime.InstanceOwner.Verdict;
import org.junit.jupiter.api.Test;

/** Who may change a live instance, decided from a token's hash alone. */
class InstanceOwnerTest {
    static final String TOKEN = Secrets.newToken();
    static final InstanceOwner OWNED = InstanceOwner.owned(Secrets.hash(TOKEN));
    static final InstanceOwner REPLAY = InstanceOwner.readOnly(Secrets.hash(TOKEN));

    @Test
    void aTokenIs256RandomBitsIn43Base64UrlCharactersAndItsHashIs64HexDigits() {
        assertThat(TOKEN).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(Secrets.newToken());
        assertThat(Secrets.hash(TOKEN)).matches("[0-9a-f]{64}");
    }

    @Test
    void theOwnerTokenMayChangeAndRunAnOwnedInstance() {
        assertThat(OWNED.check(TOKEN, Right.CHANGE)).isEqualTo(Verdict.ALLOWED);
        assertThat(OWNED.check(TOKEN, Right.RUN)).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void noTokenIsMissingAndAnotherTokenIsWrong() {
        assertThat(OWNED.check(null, Right.RUN)).isEqualTo(Verdict.TOKEN_MISSING);
        assertThat(OWNED.check("", Right.CHANGE)).isEqualTo(Verdict.TOKEN_MISSING);
        assertThat(OWNED.check(Secrets.newToken(), Right.CHANGE)).isEqualTo(Verdict.TOKEN_WRONG);
    }

    @Test
    void aReadOnlyReplaysTokenRunsItButNothingChangesIt() {
        assertThat(REPLAY.check(TOKEN, Right.RUN)).isEqualTo(Verdict.ALLOWED);
        assertThat(REPLAY.check(TOKEN, Right.CHANGE)).isEqualTo(Verdict.READ_ONLY);
        assertThat(REPLAY.check(null, Right.CHANGE)).isEqualTo(Verdict.READ_ONLY);
    }

    @Test
    void aReadOnlyReplayWithoutATokenIsRunByNobody() {
        assertThat(InstanceOwner.readOnly(null).check(TOKEN, Right.RUN)).isEqualTo(Verdict.TOKEN_WRONG);
    }

    @Test
    void anInstanceGivenNoOwnerIsChangedByNoToken() {
        assertThat(new InstanceOwner(null, false).check(TOKEN, Right.CHANGE)).isEqualTo(Verdict.TOKEN_WRONG);
    }
}
