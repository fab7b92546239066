-- The projection registry: which generation of each read model answers queries, and which one
-- (if any) a rebuild is building. Switching generations is one UPDATE of this row plus the
-- replacement of the projection's views, in one transaction.
CREATE TABLE dibao.projections (
    name                 text    PRIMARY KEY,
    active_generation    integer NOT NULL,
    building_generation  integer,
    updated_at           timestamptz NOT NULL DEFAULT now()
);
