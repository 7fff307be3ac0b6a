namespace AIRisk.Sandbox;

internal sealed record GreetingDto(string Greeting);
