using System.Text.Json.Serialization;
using Retention.Metrics.DependencyInjection;

namespace Retention.Metrics.Serialization;

/// <summary>The source-generated serialization metadata of every public result type (internal: a public context would leak generated API).</summary>
/// <remarks>Result classes without a settable shape (series, tables, fitted models) carry a <see cref="JsonConverterAttribute"/> that
/// writes their public data form (<c>…Data</c>) and rebuilds them, validated, when reading; both the class and its data form are
/// registered here. <c>docs/json.md</c> lists every type.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    WriteIndented = false)]
// Core and summaries
[JsonSerializable(typeof(Rate))]
[JsonSerializable(typeof(Rate[]))]
[JsonSerializable(typeof(Interval))]
[JsonSerializable(typeof(CustomerSummary))]
[JsonSerializable(typeof(CustomerSummary[]))]
[JsonSerializable(typeof(SummaryTotals))]
[JsonSerializable(typeof(HoldoutSummary))]
[JsonSerializable(typeof(HoldoutSummary[]))]
// Repeat
[JsonSerializable(typeof(RepeatSeries))]
[JsonSerializable(typeof(RepeatSeriesData))]
[JsonSerializable(typeof(RepeatPeriod))]
[JsonSerializable(typeof(ConversionResult))]
[JsonSerializable(typeof(ConversionResultData))]
[JsonSerializable(typeof(ConversionCohort))]
[JsonSerializable(typeof(FrequencyLadder))]
[JsonSerializable(typeof(FrequencyLadderData))]
[JsonSerializable(typeof(IntervalDistribution))]
[JsonSerializable(typeof(IntervalDistributionData))]
[JsonSerializable(typeof(PeriodRetentionResult))]
[JsonSerializable(typeof(UpgradeResult))]
[JsonSerializable(typeof(CustomerIntervals[]))]
// Cohorts
[JsonSerializable(typeof(CohortTable))]
[JsonSerializable(typeof(CohortTable[]))]
[JsonSerializable(typeof(CohortTableData))]
[JsonSerializable(typeof(CohortCell))]
[JsonSerializable(typeof(CohortAveragePoint))]
// Dormancy
[JsonSerializable(typeof(DormancyStatus))]
[JsonSerializable(typeof(DormancyTransition))]
// Cross-sell
[JsonSerializable(typeof(ProductBreadth))]
[JsonSerializable(typeof(ProductBreadthData))]
[JsonSerializable(typeof(ProductPairs))]
// Segmentation
[JsonSerializable(typeof(RfmResult))]
[JsonSerializable(typeof(RfmResultData))]
[JsonSerializable(typeof(RfmScaleData))]
[JsonSerializable(typeof(RfmSegmentRulesData))]
[JsonSerializable(typeof(CpmResult))]
[JsonSerializable(typeof(CpmResultData))]
[JsonSerializable(typeof(CpmSegmentSummary))]
[JsonSerializable(typeof(CustomerRankResult))]
[JsonSerializable(typeof(CustomerRankResultData))]
[JsonSerializable(typeof(RankTransitionResult))]
[JsonSerializable(typeof(RankTransitionResultData))]
[JsonSerializable(typeof(SpendRanking))]
[JsonSerializable(typeof(SpendRankingData))]
[JsonSerializable(typeof(AbcResult))]
[JsonSerializable(typeof(AbcResultData))]
[JsonSerializable(typeof(AbcClassSummary))]
[JsonSerializable(typeof(DecileResult))]
[JsonSerializable(typeof(DecileResultData))]
[JsonSerializable(typeof(LorenzPoint[]))]
// Subscriptions
[JsonSerializable(typeof(LogoChurnPeriod))]
[JsonSerializable(typeof(LogoChurnSeries))]
[JsonSerializable(typeof(LogoChurnSeriesData))]
[JsonSerializable(typeof(MrrPeriod))]
[JsonSerializable(typeof(MrrSeries))]
[JsonSerializable(typeof(MrrSeriesData))]
[JsonSerializable(typeof(ContinuationResult))]
[JsonSerializable(typeof(ContinuationResultData))]
[JsonSerializable(typeof(ContinuationStep))]
// Survival
[JsonSerializable(typeof(KaplanMeierCurve))]
[JsonSerializable(typeof(KaplanMeierCurveData))]
[JsonSerializable(typeof(SurvivalTimeEstimate))]
[JsonSerializable(typeof(SurvivalObservation[]))]
[JsonSerializable(typeof(LogRankResult))]
[JsonSerializable(typeof(LogRankResultData))]
[JsonSerializable(typeof(ShiftedBetaGeometricModel))]
[JsonSerializable(typeof(ShiftedBetaGeometricModelData))]
// Lifetime
[JsonSerializable(typeof(LtvResult))]
[JsonSerializable(typeof(ContributionLtvResult))]
[JsonSerializable(typeof(PaybackResult))]
[JsonSerializable(typeof(CohortLtvResult))]
[JsonSerializable(typeof(CohortLtvResultData))]
[JsonSerializable(typeof(BgNbdModel))]
[JsonSerializable(typeof(BgNbdModelData))]
[JsonSerializable(typeof(BgNbdParameters))]
[JsonSerializable(typeof(BgNbdObservation[]))]
[JsonSerializable(typeof(GammaGammaModel))]
[JsonSerializable(typeof(GammaGammaModelData))]
[JsonSerializable(typeof(GammaGammaParameters))]
[JsonSerializable(typeof(GammaGammaObservation[]))]
// Campaigns
[JsonSerializable(typeof(CampaignGroup))]
[JsonSerializable(typeof(CampaignSummary))]
[JsonSerializable(typeof(LiftResult))]
[JsonSerializable(typeof(TestResult))]
[JsonSerializable(typeof(SampleSizeResult))]
[JsonSerializable(typeof(SpendStatistics))]
[JsonSerializable(typeof(RetentionComparison))]
// Dependency injection
[JsonSerializable(typeof(RetentionReport))]
internal sealed partial class RetentionJsonContext : JsonSerializerContext
{
}
