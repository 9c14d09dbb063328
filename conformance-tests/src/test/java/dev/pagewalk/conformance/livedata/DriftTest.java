package dev.pagewalk.conformance.livedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DriftTest {

  static LiveDataServer start(Style style, Mutation... mutations) {
    LiveDataConfig.Builder builder = LiveDataConfig.builder().size(20).style(style);
    for (Mutation m : mutations) {
      builder.mutation(m);
    }
    return LiveDataServer.start(builder.build());
  }

  @Nested
  class InsertAtHead {
    @Test
    void repeatsTheRecordsPushedAcrossAPageBoundaryUnderOffset() throws Exception {
      try (LiveDataServer server = start(Style.OFFSET, new Mutation.InsertHead(2, 3))) {
        List<String> ids = new TestClient(server).walk(Style.OFFSET, 5);

        assertThat(ids).containsSequence("10", "8", "9", "10", "11");
        Expectation.Verdict verdict = server.expectation().verify(ids);
        assertThat(verdict.duplicates()).containsExactly("8", "9", "10");
        assertThat(verdict.missing()).isEmpty();
        assertThat(server.expectation().mustContain())
            .containsExactlyElementsOf(TestClient.range(1, 20));
        assertThat(server.expectation().mayContain()).containsExactly("21", "22", "23");
      }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
        value = Style.class,
        names = {"TOKEN", "KEYSET", "NEXT_URL", "LINK", "HAS_MORE"})
    void neitherRepeatsNorSkipsUnderKeysetStyles(Style style) throws Exception {
      try (LiveDataServer server = start(style, new Mutation.InsertHead(2, 3))) {
        List<String> ids = new TestClient(server).walk(style, 5);
        assertThat(ids).containsExactlyElementsOf(TestClient.range(1, 20));
        assertThat(server.expectation().verify(ids).complete()).isTrue();
      }
    }
  }

  @Nested
  class DeleteMidRun {
    @Test
    void skipsTheRecordPulledBackAcrossAPageBoundaryUnderOffset() throws Exception {
      try (LiveDataServer server = start(Style.OFFSET, new Mutation.Delete(1, List.of(2L, 3L)))) {
        List<String> ids = new TestClient(server).walk(Style.OFFSET, 5);

        assertThat(ids).doesNotContain("6", "7");
        Expectation.Verdict verdict = server.expectation().verify(ids);
        assertThat(verdict.missing()).containsExactly("6", "7");
        assertThat(verdict.complete()).isFalse();
        assertThat(server.expectation().mayContain()).containsExactly("2", "3");
      }
    }

    @Test
    void skipsUnderPageNumbersToo() throws Exception {
      try (LiveDataServer server = start(Style.PAGE, new Mutation.Delete(1, List.of(1L)))) {
        List<String> ids = new TestClient(server).walk(Style.PAGE, 5);
        assertThat(server.expectation().verify(ids).missing()).containsExactly("6");
      }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
        value = Style.class,
        names = {"TOKEN", "KEYSET", "NEXT_URL", "LINK", "HAS_MORE"})
    void losesNothingUnderKeysetStylesEvenWhenTheCursorRecordIsDeleted(Style style)
        throws Exception {
      try (LiveDataServer server = start(style, new Mutation.Delete(1, List.of(2L, 5L)))) {
        List<String> ids = new TestClient(server).walk(style, 5);
        assertThat(ids).containsExactlyElementsOf(TestClient.range(1, 20));
        assertThat(server.expectation().verify(ids).complete()).isTrue();
      }
    }
  }

  @Nested
  class InsertAtTailAndUpdate {
    @Test
    void offsetReadsRecordsAppendedBeforeItReachesTheEnd() throws Exception {
      try (LiveDataServer server = start(Style.OFFSET, new Mutation.InsertTail(1, 2))) {
        List<String> ids = new TestClient(server).walk(Style.OFFSET, 5);
        assertThat(ids).containsExactlyElementsOf(TestClient.range(1, 22));
      }
    }

    @Test
    void anUpdateMovesARecordToTheEndOfTheUpdatedAtOrder() throws Exception {
      try (LiveDataServer server =
          LiveDataServer.start(
              LiveDataConfig.builder()
                  .size(20)
                  .style(Style.KEYSET)
                  .sort(SortOrder.UPDATED_AT)
                  .mutation(new Mutation.Update(1, List.of(3L, 12L)))
                  .build())) {
        List<String> ids = new TestClient(server).walk(Style.KEYSET, 5);

        assertThat(ids).endsWith("20", "3", "12").containsOnlyOnce("12");
        assertThat(server.expectation().verify(ids).duplicates()).containsExactly("3");
      }
    }
  }
}
