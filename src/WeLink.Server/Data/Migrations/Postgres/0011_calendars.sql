-- Business hours (Calendars/): what case timers measured in business time count. A dealer with no dealer_calendars row
-- gets the default documented on Calendars/DealerCalendar.cs. Every dealer inherits its brand's holidays; a dealer's own
-- working day on the same date opens it anyway. Times of day are local 'HH:mm' text ('24:00' is midnight at the end of
-- the day, which no time type of both providers holds); days are the dealer's local dates.

-- Public holidays HQ sets once for every dealer of the brand; version guards the list against lost updates.
CREATE TABLE brand_calendars (
    brand_id UUID NOT NULL PRIMARY KEY REFERENCES brands (id),
    version INTEGER NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE brand_holidays (
    brand_id UUID NOT NULL REFERENCES brand_calendars (brand_id),
    day DATE NOT NULL,
    name TEXT NULL,
    PRIMARY KEY (brand_id, day)
);

-- time_zone is an IANA id (Asia/Shanghai); version guards the calendar against lost updates.
CREATE TABLE dealer_calendars (
    dealer_id UUID NOT NULL PRIMARY KEY REFERENCES dealers (id),
    time_zone TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Weekly opening ranges; weekday is ISO 8601 (1 = Monday … 7 = Sunday). A weekday without rows is closed.
CREATE TABLE dealer_opening_hours (
    dealer_id UUID NOT NULL REFERENCES dealer_calendars (dealer_id),
    weekday SMALLINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens TEXT NOT NULL,
    closes TEXT NOT NULL,
    PRIMARY KEY (dealer_id, weekday, opens)
);

-- The dealer's own dates: a holiday (closed all day), or a working day (open whatever the weekday with the ranges in
-- dealer_day_hours: a make-up working day, or opening on a brand holiday). One row per date, so a date cannot be both.
CREATE TABLE dealer_calendar_days (
    dealer_id UUID NOT NULL REFERENCES dealer_calendars (dealer_id),
    day DATE NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'working')),
    name TEXT NULL,
    PRIMARY KEY (dealer_id, day)
);

CREATE TABLE dealer_day_hours (
    dealer_id UUID NOT NULL,
    day DATE NOT NULL,
    opens TEXT NOT NULL,
    closes TEXT NOT NULL,
    PRIMARY KEY (dealer_id, day, opens),
    FOREIGN KEY (dealer_id, day) REFERENCES dealer_calendar_days (dealer_id, day)
);
