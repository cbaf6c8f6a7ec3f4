namespace WeLink.Server.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
