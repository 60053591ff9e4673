package io.streamlimit.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The calibration cases: their scenarios, their real figures and their bands. */
class FidelityCasesTest {

    private static List<FidelityCase> cases;

    @BeforeAll
    static void loadCases() {
        cases = FidelityCases.standard();
    }

    @Test
    void seven_cases_twenty_four_judged_figures() {
        assertThat(cases).extracting(FidelityCase::name)
                .containsExactly("consumer-1", "consumer-2", "consumer-3", "run-02", "run-03", "run-05", "async-lone");
        assertThat(cases.stream().flatMap(c -> c.checks().stream()).filter(FigureCheck::judged).count())
                .isEqualTo(24);
        // The original runs ran in 2020; the lone async event was measured in 2025.
        assertThat(cases).extracting(FidelityCase::awsProfile)
                .containsExactly("2020", "2020", "2020", "2020", "2020", "2020", "current");
    }

    @Test
    void the_trace_cases_are_configured_like_the_three_consumers() {
        FidelityCase consumer1 = cases.get(0);
        FidelityCase consumer2 = cases.get(1);
        FidelityCase consumer3 = cases.get(2);

        assertThat(consumer1.scenario().pipeline()).isEqualTo(Pipeline.SNS_LAMBDA);
        assertThat(consumer1.scenario().consumer().reservedConcurrency()).isNull();
        assertThat(consumer2.scenario().pipeline()).isEqualTo(Pipeline.SNS_SQS_LAMBDA);
        assertThat(consumer2.scenario().consumer().reservedConcurrency()).isEqualTo(1);
        assertThat(consumer2.scenario().queue().visibilityTimeoutSeconds()).isEqualTo(60);
        assertThat(consumer2.scenario().queue().maxReceiveCount()).isEqualTo(1_000);
        assertThat(consumer3.scenario().consumer().reservedConcurrency()).isNull();
        assertThat(consumer3.scenario().queue().visibilityTimeoutSeconds()).isEqualTo(30);
        for (FidelityCase c : cases.subList(0, 6)) {
            assertThat(c.scenario().events().total()).as(c.name()).isEqualTo(1_000);
            assertThat(c.scenario().downstream().callMillis()).as(c.name()).isEqualTo(1_000);
            assertThat(c.scenario().downstream().enforce()).as(c.name()).isFalse();
        }
    }

    @Test
    void the_lone_async_case_is_configured_like_the_2025_measurement() {
        FidelityCase lone = cases.get(6);

        assertThat(lone.scenario().pipeline()).isEqualTo(Pipeline.SNS_LAMBDA);
        assertThat(lone.scenario().events().total()).isEqualTo(2);
        assertThat(lone.scenario().consumer().reservedConcurrency()).isEqualTo(1);
        assertThat(lone.scenario().consumer().timeoutSeconds()).isEqualTo(61);
        assertThat(lone.scenario().downstream().callMillis()).isEqualTo(60_000);
        assertThat(lone.real().value(Figure.THROTTLES)).isEqualTo(6.0);
        assertThat(lone.real().value(Figure.TIME_TAKEN)).isEqualTo(128.0);
    }

    @Test
    void the_published_runs_are_the_readmes_numbers() {
        RunFigures run02 = cases.get(3).real();
        RunFigures run03 = cases.get(4).real();

        assertThat(run02.value(Figure.TIME_TAKEN)).isEqualTo(1_905.0);
        assertThat(run02.value(Figure.FAILED)).isEqualTo(0.0);
        assertThat(run02.value(Figure.COMPLETED_SHARE_AT_300S)).isEqualTo(0.26);
        assertThat(run02.value(Figure.COMPLETED_SHARE_AT_600S)).isEqualTo(0.53);
        assertThat(run02.value(Figure.COMPLETED_SHARE_AT_900S)).isEqualTo(0.78);
        assertThat(run02.value(Figure.COMPLETED_SHARE_AT_1200S)).isEqualTo(0.92);
        assertThat(run03.value(Figure.TIME_TAKEN)).isEqualTo(1_254.0);
        assertThat(run03.value(Figure.FAILED)).isEqualTo(105.0);
        assertThat(run03.value(Figure.COMPLETED)).isEqualTo(895.0);
        RunFigures run05 = cases.get(5).real();
        assertThat(run05.value(Figure.TIME_TAKEN)).isEqualTo(261.0);
        assertThat(run05.value(Figure.AVG_INSERTS_PER_SECOND)).isEqualTo(3.76);
        assertThat(run05.value(Figure.MAX_INSERTS_PER_SECOND)).isEqualTo(5.0);
        assertThat(run05.value(Figure.FAILED)).isEqualTo(0.0);
        assertThat(PublishedRuns.standard().source()).contains("timsmiths/aws-lambda-concurrency", "2020", "eu-west-1");
    }

    @Test
    void the_copies_of_runs_02_03_and_05_match_the_repositorys_scenarios() {
        // The cases carry copies so that they run from the class path; a change to the originals
        // must reach the copies, or the measurement silently drifts from what users run.
        assertThat(cases.get(3).scenario()).isEqualTo(ScenarioLoader.load(repositoryScenario("02-sns-rc1.yaml")));
        assertThat(cases.get(4).scenario())
                .isEqualTo(ScenarioLoader.load(repositoryScenario("03-sqs-rc1-low-visibility.yaml")));
        assertThat(cases.get(5).scenario())
                .isEqualTo(ScenarioLoader.load(repositoryScenario("05-sqs-rc5-high-visibility.yaml")));
    }

    @Test
    void a_real_run_compared_with_itself_is_within_every_band() {
        for (FidelityCase c : cases) {
            CaseReport report = Fidelity.compare(c, c.real());
            assertThat(report.passed()).as(c.name()).isEqualTo(report.judged());
        }
    }

    private static Path repositoryScenario(String fileName) {
        // Tests run in the module's directory.
        Path file = Path.of("..", "scenarios", fileName);
        assertThat(Files.exists(file)).as(file.toAbsolutePath().toString()).isTrue();
        return file;
    }
}
