namespace AIRisk.Web.Services.Users;

public enum UserSortColumn
{
    Name,
    Email,
    Role,
    Company,
    Id,
}
