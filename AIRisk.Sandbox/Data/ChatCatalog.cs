namespace AIRisk.Sandbox.Data;

/// <summary>The fixed material agents, conversations and replies are made from.</summary>
internal static class ChatCatalog
{
    public static readonly IReadOnlyList<AgentDefinition> Agents =
    [
        new("Policy Assistant", "Answers questions about company policies and the employee handbook.",
            ["What does our travel policy say about upgrades?", "Summarise the acceptable use policy.", "Who approves remote work requests?"]),
        new("Risk Analyst", "Assesses AI and vendor risks against the corporate risk register.",
            ["Rate the risk of a new chatbot vendor.", "Which risks are overdue for review?", "Explain our risk appetite."]),
        new("Compliance Checker", "Checks documents against GDPR, the EU AI Act and internal controls.",
            ["Is this use case high-risk under the AI Act?", "Does this form collect personal data?", "List the controls for data retention."]),
        new("Contract Reviewer", "Reviews contracts for unusual clauses and missing obligations.",
            ["Find the liability cap in this contract.", "Does the vendor allow audits?"]),
        new("Security Advisor", "Guides you through information security questions and incident reporting.",
            ["How do I report a phishing e-mail?", "Can I use my own laptop for work?", "What is our password policy?"]),
        new("HR Helper", "Answers questions about leave, benefits and onboarding.",
            ["How many days of leave do I have?", "What happens in my first week?"]),
    ];

    public static readonly IReadOnlyList<string> Titles =
    [
        "Travel policy questions", "Vendor risk review", "GDPR checklist", "Contract renewal", "Phishing report follow-up",
        "Onboarding questions", "Incident triage", "AI Act classification", "Revue des données personnelles",
        "Budget approvals FY25", "Remote work request", "Model card review",
    ];

    public static readonly IReadOnlyList<string> Projects = ["Apollo", "Borealis", "Cobalt", "Delta", "Émeraude"];

    public static readonly IReadOnlyList<string> Tags =
    [
        "region:EU", "region:US", "priority:high", "priority:low", "department:legal", "department:hr", "ticket:RISK-1042",
    ];

    public static readonly IReadOnlyList<string> Documents =
    [
        "policy.pdf", "employee-handbook.pdf", "risk-register.xlsx", "gdpr-guidelines.docx", "vendor-contract.pdf", "security-standard.pdf",
    ];

    public static readonly IReadOnlyList<string> Questions =
    [
        "What does the policy say about sharing client data with an AI tool?",
        "Can you summarise the key risks for this project?",
        "Is a director's approval needed for this purchase?",
        "Which controls apply to storing chat transcripts?",
        "How quickly do we have to report a data breach?",
        "Does the vendor's model get trained on our prompts?",
    ];

    public static readonly IReadOnlyList<string> Facts =
    [
        "approvals above €5,000 need a director's sign-off",
        "personal data must stay in the EU region",
        "third-party models need a risk assessment before first use",
        "incidents must be reported to the security team within 24 hours",
        "chat transcripts are kept for 90 days and then deleted",
        "vendors may not train their models on our prompts",
    ];
}
