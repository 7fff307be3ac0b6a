namespace AIRisk.Sandbox.Data;

/// <summary>Makes a user's agents and conversations from the seed and the user's index alone.</summary>
internal static class WorkspaceSeeder
{
    public static UserWorkspace Create(int seed, SandboxUser user)
    {
        var random = SeedRandom.For(seed, user.Index, SeedStream.Workspace);
        var agents = random.Sample(ChatCatalog.Agents, random.Next(1, 5))
            .Select(definition => Agent(definition, random))
            .ToList();
        var conversations = new List<SandboxConversation>();
        for (var count = random.Next(2, 9); conversations.Count < count;)
            conversations.Add(Conversation(user, agents, random));
        return new UserWorkspace(user, agents, conversations);
    }

    private static SandboxAgent Agent(AgentDefinition definition, SeedRandom random) =>
        new(random.NextGuid(), definition.Name, definition.Description, [.. random.Sample(definition.Greetings, Math.Min(random.Next(4), definition.Greetings.Count))]);

    private static SandboxConversation Conversation(SandboxUser user, IReadOnlyList<SandboxAgent> agents, SeedRandom random)
    {
        var id = random.NextGuid();
        var agent = random.Pick(agents);
        var created = UserCatalog.Epoch - TimeSpan.FromMinutes(random.Next(60 * 24 * 60));
        var lastUpdated = created + TimeSpan.FromMinutes(random.Next(5, 72 * 60));
        var project = random.Pick(ChatCatalog.Projects);
        var title = random.Pick(ChatCatalog.Titles);
        var metadata = new List<string>();
        if (random.Chance(50))
        {
            title = $"{title} – {project}";
            metadata.Add($"project:{project.ToLowerInvariant()}");
        }
        metadata.AddRange(random.Sample(ChatCatalog.Tags, random.Next(3)));

        return new SandboxConversation(id, title, agent.Id, user.Key, created, lastUpdated, metadata, Messages(agent, random));
    }

    private static List<SandboxMessage> Messages(SandboxAgent agent, SeedRandom random)
    {
        var messages = new List<SandboxMessage>();
        if (random.Chance(30))
            messages.Add(new SandboxMessage(random.NextGuid(), MessageType.System, $"Conversation started with {agent.Name}."));

        for (var exchanges = random.Next(1, 4); exchanges > 0; exchanges--)
        {
            var document = random.Pick(ChatCatalog.Documents);
            messages.Add(random.Chance(20)
                ? new SandboxMessage(random.NextGuid(), MessageType.User, $"Please review the attached {document}.", FileName: document)
                : new SandboxMessage(random.NextGuid(), MessageType.User, random.Pick(ChatCatalog.Questions)));

            var feedback = random.Next(10) switch
            {
                < 2 => "Like",
                2 => "Dislike",
                _ => null,
            };
            messages.Add(new SandboxMessage(
                random.NextGuid(),
                MessageType.AI,
                ReplyComposer.SeededAnswer(agent, document, random),
                Citations: random.Chance(60) ? [document] : null,
                Feedback: feedback));
        }
        return messages;
    }
}
