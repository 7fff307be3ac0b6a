using AIRisk.Bench;

return await BenchRunner.RunAsync(BenchSettings.Parse(args));
