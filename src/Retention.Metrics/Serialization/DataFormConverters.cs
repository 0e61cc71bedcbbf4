using System.Text.Json.Serialization.Metadata;

namespace Retention.Metrics.Serialization;

/// <summary>Writes a <see cref="CohortTable"/> as its <see cref="CohortTableData"/> and rebuilds it when reading.</summary>
internal sealed class CohortTableJsonConverter : DataFormConverter<CohortTable, CohortTableData>
{
    private protected override JsonTypeInfo<CohortTableData> DataInfo => RetentionJsonContext.Default.CohortTableData;

    private protected override CohortTableData ToData(CohortTable value) => value.ToData();

    private protected override CohortTable FromData(CohortTableData data) => CohortTable.FromData(data);
}

/// <summary>Writes a <see cref="RepeatSeries"/> as its <see cref="RepeatSeriesData"/> and rebuilds it when reading.</summary>
internal sealed class RepeatSeriesJsonConverter : DataFormConverter<RepeatSeries, RepeatSeriesData>
{
    private protected override JsonTypeInfo<RepeatSeriesData> DataInfo => RetentionJsonContext.Default.RepeatSeriesData;

    private protected override RepeatSeriesData ToData(RepeatSeries value) => value.ToData();

    private protected override RepeatSeries FromData(RepeatSeriesData data) => RepeatSeries.FromData(data);
}

/// <summary>Writes a <see cref="ConversionResult"/> as its <see cref="ConversionResultData"/> and rebuilds it when reading.</summary>
internal sealed class ConversionResultJsonConverter : DataFormConverter<ConversionResult, ConversionResultData>
{
    private protected override JsonTypeInfo<ConversionResultData> DataInfo => RetentionJsonContext.Default.ConversionResultData;

    private protected override ConversionResultData ToData(ConversionResult value) => value.ToData();

    private protected override ConversionResult FromData(ConversionResultData data) => ConversionResult.FromData(data);
}

/// <summary>Writes a <see cref="FrequencyLadder"/> as its <see cref="FrequencyLadderData"/> and rebuilds it when reading.</summary>
internal sealed class FrequencyLadderJsonConverter : DataFormConverter<FrequencyLadder, FrequencyLadderData>
{
    private protected override JsonTypeInfo<FrequencyLadderData> DataInfo => RetentionJsonContext.Default.FrequencyLadderData;

    private protected override FrequencyLadderData ToData(FrequencyLadder value) => value.ToData();

    private protected override FrequencyLadder FromData(FrequencyLadderData data) => FrequencyLadder.FromData(data);
}

/// <summary>Writes a <see cref="IntervalDistribution"/> as its <see cref="IntervalDistributionData"/> and rebuilds it when reading.</summary>
internal sealed class IntervalDistributionJsonConverter : DataFormConverter<IntervalDistribution, IntervalDistributionData>
{
    private protected override JsonTypeInfo<IntervalDistributionData> DataInfo => RetentionJsonContext.Default.IntervalDistributionData;

    private protected override IntervalDistributionData ToData(IntervalDistribution value) => value.ToData();

    private protected override IntervalDistribution FromData(IntervalDistributionData data) => IntervalDistribution.FromData(data);
}

/// <summary>Writes a <see cref="ProductBreadth"/> as its <see cref="ProductBreadthData"/> and rebuilds it when reading.</summary>
internal sealed class ProductBreadthJsonConverter : DataFormConverter<ProductBreadth, ProductBreadthData>
{
    private protected override JsonTypeInfo<ProductBreadthData> DataInfo => RetentionJsonContext.Default.ProductBreadthData;

    private protected override ProductBreadthData ToData(ProductBreadth value) => value.ToData();

    private protected override ProductBreadth FromData(ProductBreadthData data) => ProductBreadth.FromData(data);
}

/// <summary>Writes a <see cref="LogoChurnSeries"/> as its <see cref="LogoChurnSeriesData"/> and rebuilds it when reading.</summary>
internal sealed class LogoChurnSeriesJsonConverter : DataFormConverter<LogoChurnSeries, LogoChurnSeriesData>
{
    private protected override JsonTypeInfo<LogoChurnSeriesData> DataInfo => RetentionJsonContext.Default.LogoChurnSeriesData;

    private protected override LogoChurnSeriesData ToData(LogoChurnSeries value) => value.ToData();

    private protected override LogoChurnSeries FromData(LogoChurnSeriesData data) => LogoChurnSeries.FromData(data);
}

/// <summary>Writes a <see cref="MrrSeries"/> as its <see cref="MrrSeriesData"/> and rebuilds it when reading.</summary>
internal sealed class MrrSeriesJsonConverter : DataFormConverter<MrrSeries, MrrSeriesData>
{
    private protected override JsonTypeInfo<MrrSeriesData> DataInfo => RetentionJsonContext.Default.MrrSeriesData;

    private protected override MrrSeriesData ToData(MrrSeries value) => value.ToData();

    private protected override MrrSeries FromData(MrrSeriesData data) => MrrSeries.FromData(data);
}

/// <summary>Writes a <see cref="ContinuationResult"/> as its <see cref="ContinuationResultData"/> and rebuilds it when reading.</summary>
internal sealed class ContinuationResultJsonConverter : DataFormConverter<ContinuationResult, ContinuationResultData>
{
    private protected override JsonTypeInfo<ContinuationResultData> DataInfo => RetentionJsonContext.Default.ContinuationResultData;

    private protected override ContinuationResultData ToData(ContinuationResult value) => value.ToData();

    private protected override ContinuationResult FromData(ContinuationResultData data) => ContinuationResult.FromData(data);
}

/// <summary>Writes a <see cref="KaplanMeierCurve"/> as its <see cref="KaplanMeierCurveData"/> and rebuilds it when reading.</summary>
internal sealed class KaplanMeierCurveJsonConverter : DataFormConverter<KaplanMeierCurve, KaplanMeierCurveData>
{
    private protected override JsonTypeInfo<KaplanMeierCurveData> DataInfo => RetentionJsonContext.Default.KaplanMeierCurveData;

    private protected override KaplanMeierCurveData ToData(KaplanMeierCurve value) => value.ToData();

    private protected override KaplanMeierCurve FromData(KaplanMeierCurveData data) => KaplanMeierCurve.FromData(data);
}

/// <summary>Writes a <see cref="LogRankResult"/> as its <see cref="LogRankResultData"/> and rebuilds it when reading.</summary>
internal sealed class LogRankResultJsonConverter : DataFormConverter<LogRankResult, LogRankResultData>
{
    private protected override JsonTypeInfo<LogRankResultData> DataInfo => RetentionJsonContext.Default.LogRankResultData;

    private protected override LogRankResultData ToData(LogRankResult value) => value.ToData();

    private protected override LogRankResult FromData(LogRankResultData data) => LogRankResult.FromData(data);
}

/// <summary>Writes a <see cref="ShiftedBetaGeometricModel"/> as its <see cref="ShiftedBetaGeometricModelData"/> and rebuilds it when reading.</summary>
internal sealed class ShiftedBetaGeometricModelJsonConverter : DataFormConverter<ShiftedBetaGeometricModel, ShiftedBetaGeometricModelData>
{
    private protected override JsonTypeInfo<ShiftedBetaGeometricModelData> DataInfo => RetentionJsonContext.Default.ShiftedBetaGeometricModelData;

    private protected override ShiftedBetaGeometricModelData ToData(ShiftedBetaGeometricModel value) => value.ToData();

    private protected override ShiftedBetaGeometricModel FromData(ShiftedBetaGeometricModelData data) => ShiftedBetaGeometricModel.FromData(data);
}

/// <summary>Writes a <see cref="BgNbdModel"/> as its <see cref="BgNbdModelData"/> and rebuilds it when reading.</summary>
internal sealed class BgNbdModelJsonConverter : DataFormConverter<BgNbdModel, BgNbdModelData>
{
    private protected override JsonTypeInfo<BgNbdModelData> DataInfo => RetentionJsonContext.Default.BgNbdModelData;

    private protected override BgNbdModelData ToData(BgNbdModel value) => value.ToData();

    private protected override BgNbdModel FromData(BgNbdModelData data) => BgNbdModel.FromData(data);
}

/// <summary>Writes a <see cref="GammaGammaModel"/> as its <see cref="GammaGammaModelData"/> and rebuilds it when reading.</summary>
internal sealed class GammaGammaModelJsonConverter : DataFormConverter<GammaGammaModel, GammaGammaModelData>
{
    private protected override JsonTypeInfo<GammaGammaModelData> DataInfo => RetentionJsonContext.Default.GammaGammaModelData;

    private protected override GammaGammaModelData ToData(GammaGammaModel value) => value.ToData();

    private protected override GammaGammaModel FromData(GammaGammaModelData data) => GammaGammaModel.FromData(data);
}

/// <summary>Writes a <see cref="CohortLtvResult"/> as its <see cref="CohortLtvResultData"/> and rebuilds it when reading.</summary>
internal sealed class CohortLtvResultJsonConverter : DataFormConverter<CohortLtvResult, CohortLtvResultData>
{
    private protected override JsonTypeInfo<CohortLtvResultData> DataInfo => RetentionJsonContext.Default.CohortLtvResultData;

    private protected override CohortLtvResultData ToData(CohortLtvResult value) => value.ToData();

    private protected override CohortLtvResult FromData(CohortLtvResultData data) => CohortLtvResult.FromData(data);
}

/// <summary>Writes a <see cref="RfmResult"/> as its <see cref="RfmResultData"/> and rebuilds it when reading.</summary>
internal sealed class RfmResultJsonConverter : DataFormConverter<RfmResult, RfmResultData>
{
    private protected override JsonTypeInfo<RfmResultData> DataInfo => RetentionJsonContext.Default.RfmResultData;

    private protected override RfmResultData ToData(RfmResult value) => value.ToData();

    private protected override RfmResult FromData(RfmResultData data) => RfmResult.FromData(data);
}

/// <summary>Writes a <see cref="CpmResult"/> as its <see cref="CpmResultData"/> and rebuilds it when reading.</summary>
internal sealed class CpmResultJsonConverter : DataFormConverter<CpmResult, CpmResultData>
{
    private protected override JsonTypeInfo<CpmResultData> DataInfo => RetentionJsonContext.Default.CpmResultData;

    private protected override CpmResultData ToData(CpmResult value) => value.ToData();

    private protected override CpmResult FromData(CpmResultData data) => CpmResult.FromData(data);
}

/// <summary>Writes a <see cref="CustomerRankResult"/> as its <see cref="CustomerRankResultData"/> and rebuilds it when reading.</summary>
internal sealed class CustomerRankResultJsonConverter : DataFormConverter<CustomerRankResult, CustomerRankResultData>
{
    private protected override JsonTypeInfo<CustomerRankResultData> DataInfo => RetentionJsonContext.Default.CustomerRankResultData;

    private protected override CustomerRankResultData ToData(CustomerRankResult value) => value.ToData();

    private protected override CustomerRankResult FromData(CustomerRankResultData data) => CustomerRankResult.FromData(data);
}

/// <summary>Writes a <see cref="RankTransitionResult"/> as its <see cref="RankTransitionResultData"/> and rebuilds it when reading.</summary>
internal sealed class RankTransitionResultJsonConverter : DataFormConverter<RankTransitionResult, RankTransitionResultData>
{
    private protected override JsonTypeInfo<RankTransitionResultData> DataInfo => RetentionJsonContext.Default.RankTransitionResultData;

    private protected override RankTransitionResultData ToData(RankTransitionResult value) => value.ToData();

    private protected override RankTransitionResult FromData(RankTransitionResultData data) => RankTransitionResult.FromData(data);
}

/// <summary>Writes a <see cref="SpendRanking"/> as its <see cref="SpendRankingData"/> and rebuilds it when reading.</summary>
internal sealed class SpendRankingJsonConverter : DataFormConverter<SpendRanking, SpendRankingData>
{
    private protected override JsonTypeInfo<SpendRankingData> DataInfo => RetentionJsonContext.Default.SpendRankingData;

    private protected override SpendRankingData ToData(SpendRanking value) => value.ToData();

    private protected override SpendRanking FromData(SpendRankingData data) => SpendRanking.FromData(data);
}

/// <summary>Writes a <see cref="AbcResult"/> as its <see cref="AbcResultData"/> and rebuilds it when reading.</summary>
internal sealed class AbcResultJsonConverter : DataFormConverter<AbcResult, AbcResultData>
{
    private protected override JsonTypeInfo<AbcResultData> DataInfo => RetentionJsonContext.Default.AbcResultData;

    private protected override AbcResultData ToData(AbcResult value) => value.ToData();

    private protected override AbcResult FromData(AbcResultData data) => AbcResult.FromData(data);
}

/// <summary>Writes a <see cref="DecileResult"/> as its <see cref="DecileResultData"/> and rebuilds it when reading.</summary>
internal sealed class DecileResultJsonConverter : DataFormConverter<DecileResult, DecileResultData>
{
    private protected override JsonTypeInfo<DecileResultData> DataInfo => RetentionJsonContext.Default.DecileResultData;

    private protected override DecileResultData ToData(DecileResult value) => value.ToData();

    private protected override DecileResult FromData(DecileResultData data) => DecileResult.FromData(data);
}

/// <summary>Writes an <see cref="RfmScale"/> as its kind, scores and cut-points and rebuilds it through the public factories.</summary>
internal sealed class RfmScaleJsonConverter : DataFormConverter<RfmScale, RfmScaleData>
{
    private protected override JsonTypeInfo<RfmScaleData> DataInfo => RetentionJsonContext.Default.RfmScaleData;

    private protected override RfmScaleData ToData(RfmScale value) => new(value.Kind, value.Scores, value.CutPoints.ToArray());

    private protected override RfmScale FromData(RfmScaleData data) => data.Kind switch
    {
        RfmScaleKind.Quantiles when data.Scores == RfmScale.Default.Scores => RfmScale.Default, // keeps default options equal after a round trip
        RfmScaleKind.Quantiles => RfmScale.Quantiles(data.Scores),
        RfmScaleKind.EqualCount => RfmScale.EqualCount(data.Scores),
        RfmScaleKind.Thresholds => RfmScale.Thresholds(DataCheck.NotNull(data.CutPoints, nameof(data.CutPoints))),
        _ => throw new ArgumentException($"data.Kind is {data.Kind}; it must be a defined RfmScaleKind.", DataCheck.Param),
    };
}

/// <summary>Writes an <see cref="RfmSegmentRules"/> as its rules and catch-all name and rebuilds it through the public constructor.</summary>
internal sealed class RfmSegmentRulesJsonConverter : DataFormConverter<RfmSegmentRules, RfmSegmentRulesData>
{
    private protected override JsonTypeInfo<RfmSegmentRulesData> DataInfo => RetentionJsonContext.Default.RfmSegmentRulesData;

    private protected override RfmSegmentRulesData ToData(RfmSegmentRules value) => new(value.Rules.ToArray(), value.OtherName);

    private protected override RfmSegmentRules FromData(RfmSegmentRulesData data)
    {
        RfmSegmentRule[] rules = DataCheck.NotNull(data.Rules, nameof(data.Rules));
        string otherName = DataCheck.NotNull(data.OtherName, nameof(data.OtherName));
        RfmSegmentRules standard = RfmSegmentRules.Standard;
        // The standard rules come back as the shared instance, so default options stay equal after a round trip.
        return otherName == standard.OtherName && standard.Rules.SequenceEqual(rules) ? standard : new RfmSegmentRules(rules, otherName);
    }
}
