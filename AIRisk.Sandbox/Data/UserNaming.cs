namespace AIRisk.Sandbox.Data;

/// <summary>
/// Which naming fields a user has in ListUsers. The shape is undocumented, so the seed varies it the way a real
/// tenant's data might: most users are complete, a few are not.
/// </summary>
public enum UserNaming
{
    /// <summary>displayName, firstName, lastName, userName and email.</summary>
    DisplayName,

    /// <summary>firstName and lastName only.</summary>
    FirstAndLastName,

    /// <summary>userName only.</summary>
    UserNameOnly,

    /// <summary>email only.</summary>
    EmailOnly,
}
