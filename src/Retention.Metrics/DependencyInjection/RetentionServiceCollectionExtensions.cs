using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Retention.Metrics.DependencyInjection;

/// <summary>Registers Retention.Metrics in a service collection.</summary>
public static class RetentionServiceCollectionExtensions
{
    /// <summary>Registers a singleton <see cref="IRetentionAnalyzer"/> configured once with <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see langword="null"/> keeps the defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The configured options are invalid; the message names the option. Thrown here, at registration.</exception>
    /// <remarks>Uses <c>TryAdd</c>: a second call, or an analyzer registered before, is kept. The options are copied, so
    /// changing the configured object later changes nothing (the copy is what is validated).</remarks>
    public static IServiceCollection AddRetentionMetrics(this IServiceCollection services, Action<RetentionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new RetentionOptions();
        configure?.Invoke(options);
        RetentionOptions snapshot = options.Clone();
        snapshot.Validate();
        services.TryAddSingleton<IRetentionAnalyzer>(new RetentionAnalyzer(snapshot));
        return services;
    }
}
