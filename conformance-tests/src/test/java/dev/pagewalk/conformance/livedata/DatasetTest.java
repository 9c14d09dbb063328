package dev.pagewalk.conformance.livedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

  @Test
  void generatesTheSameRecordsFromTheSameSeed() {
    assertThat(Dataset.generate(30, 42, IdType.INTEGER).snapshot())
        .isEqualTo(Dataset.generate(30, 42, IdType.INTEGER).snapshot())
        .isNotEqualTo(Dataset.generate(30, 43, IdType.INTEGER).snapshot());
  }

  @Test
  void makesRecordsOfRealisticSizeWithTimestampsGrowingWithId() {
    List<Item> items = Dataset.generate(50, 1, IdType.STRING).snapshot();

    assertThat(items)
        .extracting(item -> item.toJson(IdType.STRING).toString().length())
        .allSatisfy(length -> assertThat(length).isBetween(150, 300));
    for (int i = 1; i < items.size(); i++) {
      assertThat(items.get(i).createdAt()).isAfter(items.get(i - 1).createdAt());
      assertThat(items.get(i).updatedAt()).isAfter(items.get(i - 1).updatedAt());
    }
    assertThat(items.get(0).toJson(IdType.STRING).get("id").asText()).isEqualTo("item-000001");
  }

  @Test
  void listsHeadInsertsFirstAndTailInsertsLastWithNewIds() {
    Dataset dataset = Dataset.generate(3, 1, IdType.INTEGER);
    assertThat(dataset.insertHead(2)).containsExactly(4L, 5L);
    assertThat(dataset.insertTail(1)).containsExactly(6L);
    assertThat(dataset.snapshot()).extracting(Item::seq).containsExactly(4L, 5L, 1L, 2L, 3L, 6L);
    assertThat(dataset.ordered(SortOrder.UPDATED_AT))
        .extracting(Item::seq)
        .containsExactly(4L, 5L, 1L, 2L, 3L, 6L);
  }

  @Test
  void anUpdateGetsTheNewestUpdatedAt() {
    Dataset dataset = Dataset.generate(5, 1, IdType.INTEGER);
    dataset.insertTail(1);
    dataset.update(List.of(2L));
    assertThat(dataset.ordered(SortOrder.UPDATED_AT))
        .extracting(Item::seq)
        .containsExactly(1L, 3L, 4L, 5L, 6L, 2L);
  }

  @Test
  void expectsTheIdsPresentThroughoutAndAllowsTheOnesThatCameOrWent() {
    Dataset dataset = Dataset.generate(6, 1, IdType.INTEGER);
    dataset.insertHead(1);
    dataset.delete(List.of(2L, 7L, 99L));
    dataset.update(List.of(3L));

    Expectation expectation = dataset.expectation();

    assertThat(expectation.mustContain()).containsExactly("1", "3", "4", "5", "6");
    assertThat(expectation.mayContain()).containsExactly("2", "7");
    assertThat(expectation.mustNotContain("8")).isTrue();
    assertThat(dataset.initialIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(dataset.currentIds()).containsExactlyInAnyOrder(1L, 3L, 4L, 5L, 6L);
    assertThat(dataset.insertedIds()).containsExactly(7L);
    assertThat(dataset.deletedIds()).containsExactlyInAnyOrder(2L, 7L);
  }

  @Test
  void verifyReportsMissingUnexpectedAndDuplicateIds() {
    Expectation expectation = new Expectation(List.of("1", "2", "3"), List.of("4"));
    Expectation.Verdict verdict = expectation.verify(List.of("1", "1", "4", "9"));
    assertThat(verdict.missing()).containsExactly("2", "3");
    assertThat(verdict.unexpected()).containsExactly("9");
    assertThat(verdict.duplicates()).containsExactly("1");
    assertThat(verdict.complete()).isFalse();
  }
}
