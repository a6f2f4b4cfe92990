// Every table the driver offers by name, one line each (an X-macro list, as procedures/
// procedure_list.h lists procedures, so a declaration and a registration cannot drift apart).
// An includer defines the kinds it wants; the others expand to nothing.
//   GRAPHQL_TABLE(Name)  schema/graphql/<name>.cpp: TableDef makeNameTable(). Schema=GraphQL,
//                        in catalog order.
//   AUDIT_TABLE(Name)    schema/auditlog/<name>.cpp: TableDef makeNameTable(std::shared_ptr<
//                        AuditLogApi>), reading through the connection's audit-log source.
//   SYSTEM_TABLE(Name)   schema/system/<name>.cpp: TableDef makeNameTable(). Schema sys, on every
//                        connection.
// Board tables are not listed: there is one per board, made from its columns (schema/boards/).
#ifndef GRAPHQL_TABLE
#define GRAPHQL_TABLE(name)
#endif
#ifndef AUDIT_TABLE
#define AUDIT_TABLE(name)
#endif
#ifndef SYSTEM_TABLE
#define SYSTEM_TABLE(name)
#endif

GRAPHQL_TABLE(Account)
GRAPHQL_TABLE(AccountProducts)
GRAPHQL_TABLE(AccountRoles)
GRAPHQL_TABLE(ActivityLogs)
GRAPHQL_TABLE(Assets)
GRAPHQL_TABLE(AuditEventCatalogue)
GRAPHQL_TABLE(BoardDependencies)
GRAPHQL_TABLE(BoardDocs)
GRAPHQL_TABLE(Boards)
GRAPHQL_TABLE(BoardUsers)
GRAPHQL_TABLE(BoardViews)
GRAPHQL_TABLE(Columns)
GRAPHQL_TABLE(ColumnTypeSchema)
GRAPHQL_TABLE(ColumnValues)
GRAPHQL_TABLE(CustomActivities)
GRAPHQL_TABLE(DocBlocks)
GRAPHQL_TABLE(DocMarkdown)
GRAPHQL_TABLE(Docs)
GRAPHQL_TABLE(Favorites)
GRAPHQL_TABLE(Folders)
GRAPHQL_TABLE(Groups)
GRAPHQL_TABLE(Items)
GRAPHQL_TABLE(ManagedColumns)
GRAPHQL_TABLE(Me)
GRAPHQL_TABLE(PlatformDailyLimit)
GRAPHQL_TABLE(PlatformUsageByApp)
GRAPHQL_TABLE(PlatformUsageByDay)
GRAPHQL_TABLE(PlatformUsageByUser)
GRAPHQL_TABLE(Replies)
GRAPHQL_TABLE(Subitems)
GRAPHQL_TABLE(Tags)
GRAPHQL_TABLE(Teams)
GRAPHQL_TABLE(TeamUsers)
GRAPHQL_TABLE(TimelineItems)
GRAPHQL_TABLE(Updates)
GRAPHQL_TABLE(UpdateViewers)
GRAPHQL_TABLE(Users)
GRAPHQL_TABLE(Webhooks)
GRAPHQL_TABLE(Workspaces)
GRAPHQL_TABLE(WorkspaceUsers)

AUDIT_TABLE(AuditLogs)
AUDIT_TABLE(AuditEvents)

SYSTEM_TABLE(ApiUsage)
SYSTEM_TABLE(LastQuery)
SYSTEM_TABLE(Cache)

#undef GRAPHQL_TABLE
#undef AUDIT_TABLE
#undef SYSTEM_TABLE
