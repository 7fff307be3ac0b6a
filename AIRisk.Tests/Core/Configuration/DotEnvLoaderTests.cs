using AIRisk.Core.Configuration;

namespace AIRisk.Tests.Core.Configuration;

public sealed class DotEnvLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("airisk-env-").FullName;
    private readonly string _fromFile = $"AIRISK_TEST_{Guid.NewGuid():N}";
    private readonly string _fromEnvironment = $"AIRISK_TEST_{Guid.NewGuid():N}";

    [Fact]
    public void Variables_already_in_the_environment_win_over_the_file()
    {
        File.WriteAllText(Path.Combine(_directory, ".env"), $"{_fromFile}=file\n{_fromEnvironment}=file\n");
        Environment.SetEnvironmentVariable(_fromEnvironment, "environment");

        DotEnvLoader.Load(_directory);

        Assert.Equal("file", Environment.GetEnvironmentVariable(_fromFile));
        Assert.Equal("environment", Environment.GetEnvironmentVariable(_fromEnvironment));
    }

    [Fact]
    public void The_file_is_found_from_a_subdirectory()
    {
        File.WriteAllText(Path.Combine(_directory, ".env"), $"{_fromFile}=found\n");
        var nested = Directory.CreateDirectory(Path.Combine(_directory, "AIRisk.Web", "bin")).FullName;

        DotEnvLoader.Load(nested);

        Assert.Equal("found", Environment.GetEnvironmentVariable(_fromFile));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_fromFile, null);
        Environment.SetEnvironmentVariable(_fromEnvironment, null);
        Directory.Delete(_directory, recursive: true);
    }
}
