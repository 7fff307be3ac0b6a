namespace AIRisk.Sandbox.Endpoints.Contracts;

internal sealed record GreetingDto(string Greeting);
