package cn.youfu.materials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Field accuracy, with each engine, on a subset of the committed development set (every 9th image: 13 ID cards, 11 licences of both layouts, 4
 * residence permits, in all five fonts), so that {@code mvn verify} stays quick; {@link MaterialsOcrBenchmark} reads
 * them all. The floors are below what the whole set gives (docs/benchmarks.md), leaving room for a subset's luck, not
 * for a regression: each floor is just below this subset's figure, one more miss (of 13 cards, 11 licences, 4
 * permits) fails.
 */
class OcrAccuracyTest {

    @Test
    void paddleReadsTheGoalFieldsAndIsNeverSureOfAWrongIdentifierOrName() throws Exception {
        try (var ocr = new PaddleOcr(1)) {
            var result = TestSetScore.score(TestSetScore.images(9), new PaddleReader(ocr));
            System.out.println(result.table());
            assertThat(result.pages()).isGreaterThanOrEqualTo(28);
            for (var field : List.of("id-card-front.id_number", "business-licence.credit_code",
                    "residence-permit.id_number", "id-card-front.name", "business-licence.name",
                    "business-licence.legal_representative", "residence-permit.name")) {
                assertThat(result.accuracy(field)).as(field).isGreaterThanOrEqualTo(0.95);
                assertThat(result.wrongButSure(field)).as(field + " wrong at 0.85 or more").isZero();
            }
        }
    }

    @Test
    void fieldsAreReadAboveTheirFloorsAndWrongNamesAreLessSure() throws Exception {
        var result = TestSetScore.score(TestSetScore.images(9));
        System.out.println(result.table());
        assertThat(result.pages()).isGreaterThanOrEqualTo(28);
        // just below what this subset gives (names: 13/13 cards, 11/11 licences, 11/11 legal representatives, 4/4
        // permits; the whole set's figures are in docs/benchmarks.md)
        var floors = new java.util.LinkedHashMap<String, Double>();
        floors.put("id-card-front.id_number", 0.95);
        floors.put("business-licence.credit_code", 0.95);
        floors.put("residence-permit.id_number", 0.95);
        floors.put("id-card-front.name", 0.95);
        floors.put("business-licence.name", 0.95);
        floors.put("business-licence.legal_representative", 0.95);
        floors.put("residence-permit.name", 0.95);
        floors.put("id-card-front.birth_date", 0.75);
        floors.put("id-card-front.address", 0.95);
        floors.put("id-card-front.sex", 0.9);
        floors.put("id-card-front.ethnicity", 0.8);
        floors.put("business-licence.established", 0.95);
        floors.put("business-licence.type", 0.95);
        floors.forEach((field, floor) -> assertThat(result.accuracy(field)).as(field).isGreaterThanOrEqualTo(floor));
        // calibration: a wrong name is never more sure than a right one on average
        for (var name : List.of("id-card-front.name", "business-licence.name", "business-licence.legal_representative",
                "residence-permit.name")) {
            var right = result.right().getOrDefault(name, List.of());
            var wrong = result.wrong().getOrDefault(name, List.of());
            if (!right.isEmpty() && !wrong.isEmpty()) {
                assertThat(wrong.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).as(name)
                        .isLessThan(right.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
            }
        }
    }
}
