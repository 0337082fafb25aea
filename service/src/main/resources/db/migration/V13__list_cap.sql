-- The compiled read path (cn.worksafety.read) refuses an unpaged list that holds more rows than
-- common.ListQuery.CAP exactly as the GraphQL engine does: its SQL calls this function when a list
-- is over the cap, the statement fails with SQLSTATE WSCAP, and the request goes to the engine,
-- which answers BAD_USER_INPUT naming the connection to page with. Volatile, so it runs only when
-- the CASE that guards it takes that branch.
create function gql_list_over_cap() returns text
    language plpgsql volatile as
$$
begin
    raise exception 'list over its cap' using errcode = 'WSCAP';
end
$$;
