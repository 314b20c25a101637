-- The old hub's schema (gkeferstein/payment-hub), its knex migrations 001-011 translated to the SQL knex
-- runs on PostgreSQL: string(n) -> varchar(n), enum -> text with a check, timestamp -> timestamptz,
-- decimal(p,s) -> numeric(p,s). The triggers are kept: they are the source of the doubled history rows.

-- 001_create_customers_table
create table customers (
    id uuid primary key default gen_random_uuid(),
    email varchar(255) not null,
    name varchar(255),
    phone varchar(50),
    metadata jsonb default '{}',
    created_at timestamptz not null default current_timestamp,
    updated_at timestamptz not null default current_timestamp
);
create index idx_customers_email on customers (email);
create index idx_customers_created_at on customers (created_at);

create or replace function update_updated_at_column() returns trigger as $$
begin
  new.updated_at = now();
  return new;
end;
$$ language 'plpgsql';

create trigger update_customers_updated_at before update on customers
    for each row execute function update_updated_at_column();

-- 002_create_orders_table
create table orders (
    id uuid primary key default gen_random_uuid(),
    customer_id uuid references customers (id) on delete set null,
    source varchar(50) not null,
    source_order_id varchar(255) not null,
    status text check (status in ('pending', 'confirmed', 'paid', 'processing', 'shipped', 'delivered',
        'cancelled', 'refunded')) not null default 'pending',
    currency varchar(3) not null default 'EUR',
    subtotal numeric(12, 2) not null default 0,
    tax_total numeric(12, 2) not null default 0,
    shipping_total numeric(12, 2) not null default 0,
    discount_total numeric(12, 2) not null default 0,
    grand_total numeric(12, 2) not null default 0,
    totals jsonb default '{}',
    metadata jsonb default '{}',
    created_at timestamptz not null default current_timestamp,
    updated_at timestamptz not null default current_timestamp,
    constraint uq_orders_source_order_id unique (source, source_order_id)
);
create index idx_orders_customer_id on orders (customer_id);
create index idx_orders_source on orders (source);
create index idx_orders_status on orders (status);
create index idx_orders_created_at on orders (created_at);
create index idx_orders_source_order_id on orders (source, source_order_id);

create trigger update_orders_updated_at before update on orders
    for each row execute function update_updated_at_column();

-- 003_create_order_items_table
create table order_items (
    id uuid primary key default gen_random_uuid(),
    order_id uuid not null references orders (id) on delete cascade,
    name varchar(500) not null,
    sku varchar(255),
    description text,
    quantity integer not null default 1,
    unit_price numeric(12, 2) not null default 0,
    total_price numeric(12, 2) not null default 0,
    tax_rate numeric(5, 4) not null default 0,
    tax_amount numeric(12, 2) not null default 0,
    metadata jsonb default '{}',
    created_at timestamptz not null default current_timestamp,
    updated_at timestamptz not null default current_timestamp
);
create index idx_order_items_order_id on order_items (order_id);
create index idx_order_items_sku on order_items (sku);

create trigger update_order_items_updated_at before update on order_items
    for each row execute function update_updated_at_column();

-- 004_create_payments_table
create table payments (
    id uuid primary key default gen_random_uuid(),
    order_id uuid not null references orders (id) on delete cascade,
    provider text check (provider in ('stripe', 'btcpay', 'paypal', 'sepa', 'manual')) not null,
    provider_reference varchar(255),
    payment_method varchar(100),
    status text check (status in ('pending', 'processing', 'requires_action', 'succeeded', 'failed',
        'cancelled', 'refunded')) not null default 'pending',
    amount numeric(12, 2) not null,
    currency varchar(3) not null default 'EUR',
    refunded_amount numeric(12, 2) default 0,
    failure_message text,
    failure_code varchar(100),
    redirect_url text,
    success_url text,
    cancel_url text,
    metadata jsonb default '{}',
    created_at timestamptz not null default current_timestamp,
    updated_at timestamptz not null default current_timestamp,
    completed_at timestamptz
);
create index idx_payments_order_id on payments (order_id);
create index idx_payments_provider on payments (provider);
create index idx_payments_provider_reference on payments (provider_reference);
create index idx_payments_status on payments (status);
create index idx_payments_created_at on payments (created_at);

create trigger update_payments_updated_at before update on payments
    for each row execute function update_updated_at_column();

-- 005_create_order_status_history_table
create table order_status_history (
    id uuid primary key default gen_random_uuid(),
    order_id uuid not null references orders (id) on delete cascade,
    old_status varchar(50),
    new_status varchar(50) not null,
    changed_by varchar(255),
    change_reason varchar(500),
    metadata jsonb default '{}',
    changed_at timestamptz not null default current_timestamp
);
create index idx_order_status_history_order_id on order_status_history (order_id);
create index idx_order_status_history_changed_at on order_status_history (changed_at);
create index idx_order_status_history_new_status on order_status_history (new_status);

create or replace function log_order_status_change() returns trigger as $$
begin
  if old.status is distinct from new.status then
    insert into order_status_history (order_id, old_status, new_status, changed_by, changed_at)
    values (new.id, old.status, new.status, 'trigger', now());
  end if;
  return new;
end;
$$ language 'plpgsql';

create trigger log_order_status_change_trigger after update on orders
    for each row execute function log_order_status_change();

-- 006_create_payment_status_history_table
create table payment_status_history (
    id uuid primary key default gen_random_uuid(),
    payment_id uuid not null references payments (id) on delete cascade,
    old_status varchar(50),
    new_status varchar(50) not null,
    changed_by varchar(255),
    change_reason varchar(500),
    provider varchar(50),
    provider_reference varchar(255),
    metadata jsonb default '{}',
    changed_at timestamptz not null default current_timestamp
);
create index idx_payment_status_history_payment_id on payment_status_history (payment_id);
create index idx_payment_status_history_changed_at on payment_status_history (changed_at);
create index idx_payment_status_history_new_status on payment_status_history (new_status);
create index idx_payment_status_history_provider_ref on payment_status_history (provider_reference);

create or replace function log_payment_status_change() returns trigger as $$
begin
  if old.status is distinct from new.status then
    insert into payment_status_history (payment_id, old_status, new_status, changed_by, provider,
        provider_reference, changed_at)
    values (new.id, old.status, new.status, 'trigger', new.provider, new.provider_reference, now());
  end if;
  return new;
end;
$$ language 'plpgsql';

create trigger log_payment_status_change_trigger after update on payments
    for each row execute function log_payment_status_change();

-- 007_create_idempotency_keys_table
create table idempotency_keys (
    id uuid primary key default gen_random_uuid(),
    key varchar(255) not null unique,
    endpoint varchar(500) not null,
    method varchar(10) not null,
    status_code integer not null,
    response_body jsonb not null,
    created_at timestamptz not null default current_timestamp,
    expires_at timestamptz not null
);
create index idx_idempotency_keys_key on idempotency_keys (key);
create index idx_idempotency_keys_expires_at on idempotency_keys (expires_at);

-- 008_create_payment_providers_table
create table payment_providers (
    id uuid primary key default gen_random_uuid(),
    provider varchar(50) not null,
    name varchar(255) not null,
    description text,
    enabled boolean not null default true,
    api_key text,
    api_secret text,
    webhook_secret text,
    config jsonb default '{}',
    last_test_at timestamptz,
    last_test_status varchar(50),
    last_test_message text,
    metadata jsonb default '{}',
    created_at timestamptz not null default current_timestamp,
    updated_at timestamptz not null default current_timestamp,
    deleted_at timestamptz,
    constraint payment_providers_provider_name_unique unique (provider, name)
);
create index payment_providers_provider_index on payment_providers (provider);
create index payment_providers_enabled_index on payment_providers (enabled);
create index payment_providers_provider_enabled_index on payment_providers (provider, enabled);
create index payment_providers_deleted_at_index on payment_providers (deleted_at);
comment on table payment_providers is 'Payment provider configurations with encrypted credentials';

-- 009_create_api_keys_table
create table api_keys (
    id uuid primary key default gen_random_uuid(),
    name varchar(255) not null,
    description text,
    key_hash varchar(64) not null unique,
    key_prefix varchar(8) not null,
    channel varchar(50),
    is_active boolean not null default true,
    expires_at timestamptz,
    usage_count integer not null default 0,
    last_used_at timestamptz,
    created_at timestamptz not null default current_timestamp,
    updated_at timestamptz not null default current_timestamp
);
create index idx_api_keys_key_hash on api_keys (key_hash);
create index idx_api_keys_channel on api_keys (channel);
create index idx_api_keys_is_active on api_keys (is_active);
create index idx_api_keys_expires_at on api_keys (expires_at);

create trigger update_api_keys_updated_at before update on api_keys
    for each row execute function update_updated_at_column();

-- 010_create_initial_api_key: one admin key (its row is in rows.sql, with a known key for the tests).

-- 011_create_channel_configs_table
create table channel_configs (
    channel varchar(50) primary key,
    use_payment_hub boolean not null default false,
    shadow_mode boolean not null default true,
    callback_enabled boolean not null default false,
    created_at timestamptz not null default current_timestamp,
    updated_at timestamptz not null default current_timestamp
);
create index idx_channel_configs_channel on channel_configs (channel);
insert into channel_configs (channel, use_payment_hub, shadow_mode, callback_enabled) values
    ('woocommerce', false, true, false),
    ('pos', false, true, false),
    ('b2b', false, true, false);
