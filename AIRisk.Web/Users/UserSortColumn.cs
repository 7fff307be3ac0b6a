namespace AIRisk.Web.Users;

public enum UserSortColumn
{
    Name,
    Email,
    Role,
    Company,
    Id,
}
