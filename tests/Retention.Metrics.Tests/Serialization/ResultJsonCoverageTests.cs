using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Retention.Metrics.Tests.Serialization;

/// <summary>Finds the public result types by reflection, so a new result type without JSON support fails here.</summary>
public class ResultJsonCoverageTests
{
    /// <summary>Types that public methods return but that are inputs, options or builders, not results; each is named in docs/json.md.</summary>
    public static readonly Type[] NotResults =
    [
        typeof(PurchaseHistory), typeof(PurchaseHistoryBuilder), typeof(PurchaseHistoryOptions), typeof(Purchase), typeof(CustomerSet),
        typeof(OrderLines), typeof(OrderLine), typeof(SubscriptionLedger), typeof(Subscription), typeof(PlanChange), typeof(Shipment),
        typeof(CustomerIndex<>), typeof(TimeUnit), typeof(ClvHorizon), typeof(ContributionCosts), typeof(BgNbdFitOptions),
        typeof(GammaGammaFitOptions), typeof(Retention.Metrics.DependencyInjection.RetentionOptions),
    ];

    /// <summary>Result types that only occur inside another result (a row, a cell, options carried by a result); they serialize as part of it.</summary>
    public static readonly Type[] ReachedOnlyAsParts =
    [
        typeof(CohortCell), typeof(CohortAveragePoint), typeof(CohortBracket), typeof(CohortOptions), typeof(RepeatPeriod), typeof(ConversionCohort),
        typeof(ContinuationStep), typeof(KaplanMeierRow), typeof(KaplanMeierOptions), typeof(LogRankGroup), typeof(RfmCustomer),
        typeof(RfmSegmentSummary), typeof(RfmOptions), typeof(RfmScale), typeof(RfmSegmentRules), typeof(RfmSegmentRule), typeof(CpmCustomer),
        typeof(CpmSegmentSummary), typeof(CpmOptions), typeof(CustomerRank), typeof(RankTierSummary), typeof(CustomerRankMove), typeof(DecileRow),
        typeof(AbcClassSummary), typeof(LorenzPoint), typeof(ProductPair), typeof(BgNbdParameters), typeof(GammaGammaParameters), typeof(Interval),
        typeof(SurvivalObservation), typeof(BgNbdObservation), typeof(GammaGammaObservation), typeof(CustomerIntervals),
        typeof(LogoChurnPeriod), typeof(MrrPeriod), typeof(SurvivalTimeEstimate), typeof(HoldoutSummary), typeof(CustomerSummary),
        typeof(CohortTableData), typeof(RepeatSeriesData), typeof(ConversionResultData), typeof(FrequencyLadderData), typeof(IntervalDistributionData),
        typeof(ProductBreadthData), typeof(LogoChurnSeriesData), typeof(MrrSeriesData), typeof(ContinuationResultData), typeof(KaplanMeierCurveData),
        typeof(LogRankResultData), typeof(ShiftedBetaGeometricModelData), typeof(BgNbdModelData), typeof(GammaGammaModelData),
        typeof(CohortLtvResultData), typeof(RfmResultData), typeof(CpmResultData), typeof(CustomerRankResultData), typeof(RankTransitionResultData),
        typeof(SpendRankingData), typeof(AbcResultData), typeof(DecileResultData), typeof(Rate),
    ];

    /// <summary>Every library type returned (directly, in an array, span, list or nullable) by a public method or property of a
    /// public library type, less <see cref="NotResults"/> and enums.</summary>
    public static HashSet<Type> PublicResultTypes()
    {
        Assembly library = typeof(RetentionJson).Assembly;
        var found = new HashSet<Type>();
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (Type type in library.GetExportedTypes())
        {
            foreach (MethodInfo method in type.GetMethods(flags))
            {
                if (method.Name.StartsWith('<') || (method.IsSpecialName && !method.Name.StartsWith("get_", StringComparison.Ordinal))) continue;
                Collect(method.ReturnType, library, found);
            }
        }
        found.RemoveWhere(t => t.IsEnum || t.IsInterface || Array.IndexOf(NotResults, t.IsGenericType ? t.GetGenericTypeDefinition() : t) >= 0);
        return found;
    }

    private static void Collect(Type type, Assembly library, HashSet<Type> found)
    {
        if (type.IsGenericParameter) return;
        if (type.IsByRef || type.IsPointer || type.IsArray)
        {
            Collect(type.GetElementType()!, library, found);
            return;
        }
        if (type.IsGenericType)
        {
            if (type.Assembly == library) found.Add(type);
            foreach (Type argument in type.GetGenericArguments()) Collect(argument, library, found);
            return;
        }
        if (type.Assembly == library) found.Add(type);
    }

    [Fact]
    public void PublicResultTypes_FindsTheKnownResults()
    {
        var types = PublicResultTypes();
        Assert.Contains(typeof(CohortTable), types);
        Assert.Contains(typeof(BgNbdModel), types);
        Assert.Contains(typeof(Retention.Metrics.DependencyInjection.RetentionReport), types);
        Assert.Contains(typeof(LogoChurnPeriod), types);
        Assert.DoesNotContain(typeof(PurchaseHistory), types);
        Assert.True(types.Count > 60, $"only {types.Count} types found");
    }

    [Fact]
    public void EveryPublicResultType_IsSupportedByRetentionJson()
    {
        var unsupported = PublicResultTypes()
            .Where(t => !RetentionJson.Options.TryGetTypeInfo(t, out JsonTypeInfo? _))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Empty(unsupported);
    }
}
