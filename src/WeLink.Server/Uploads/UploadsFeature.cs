using Quartz;
using WeLink.Server.Uploads.Contracts;

namespace WeLink.Server.Uploads;

/// <summary>Consumers' photos: the intake, the storage (a local folder), the readers' routes and the purge of unfiled ones.</summary>
public static class UploadsFeature
{
    public static IServiceCollection AddUploads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => o.UnattachedLifetime > TimeSpan.Zero && o.PurgeInterval > TimeSpan.Zero, $"{UploadOptions.SectionName} needs a positive UnattachedLifetime and PurgeInterval.")
            .ValidateOnStart();
        services.AddSingleton<UploadStore>();
        services.AddSingleton<ICasePhotos>(sp => sp.GetRequiredService<UploadStore>());
        services.AddSingleton<IUploadStorage, LocalFolderStorage>();
        services.AddSingleton<PhotoIntake>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, UploadsJsonContext.Default));
        var purgeInterval = configuration.GetSection(UploadOptions.SectionName).Get<UploadOptions>()?.PurgeInterval ?? new UploadOptions().PurgeInterval;
        services.AddQuartz(q => q.ScheduleJob<PurgeUnattachedUploadsJob>(
            trigger => trigger
                .WithIdentity(PurgeUnattachedUploadsJob.Key.Name, PurgeUnattachedUploadsJob.Key.Group)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(purgeInterval).RepeatForever()),
            job => job.WithIdentity(PurgeUnattachedUploadsJob.Key)));
        return services;
    }

    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder endpoints) => endpoints.MapUploadEndpoints();
}
