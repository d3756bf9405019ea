# Dates and amounts, built by src/format.rs. Numbers come as digits; each
# pattern is a whole phrase, so each language orders its parts itself.

## Dates. $day and $year are digits; $month (and $start-month, $end-month)
## is the month's name from date-month-name.

# The name of month number $month (1 to 12), as used inside a date.
date-month-name =
    { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    }
# A day: "January 15, 2026".
date-day = { $month } { $day }, { $year }
# A month: "February 2026".
date-month = { $month } { $year }
# Days of one month: "February 10–11, 2026".
date-range-days = { $month } { $start-day }–{ $end-day }, { $year }
# Days across months of one year: "February 28 – March 2, 2026".
date-range-days-months = { $start-month } { $start-day } – { $end-month } { $end-day }, { $year }
# Days across years: "December 30, 2025 – January 2, 2026".
date-range-days-years = { $start-month } { $start-day }, { $start-year } – { $end-month } { $end-day }, { $end-year }
# Months of one year: "February – March 2026".
date-range-months = { $start-month } – { $end-month } { $year }
# Months across years: "October 2009 – January 2011".
date-range-months-years = { $start-month } { $start-year } – { $end-month } { $end-year }
# Years: "2018–2019".
date-range-years = { $start-year }–{ $end-year }

## Amounts in US dollars, as the US press writes them. format_usd picks the
## message: below a million, money-usd; millions (rounded to a tenth),
## money-usd-millions or money-usd-millions-decimal; billions (rounded to a
## tenth), money-usd-billions. money-usd-thousands and
## money-usd-thousand-millions are the Mexican press's forms, here for parity.

# "$1", "$90,000".
money-usd = ${ $amount }
# "$90 thousand".
money-usd-thousands = ${ $thousands } thousand
# "$1 million", "$465 million".
money-usd-millions = ${ $millions } million
# $millions is digits with one decimal: "$1.5 million".
money-usd-millions-decimal = ${ $millions } million
# $billions is digits, perhaps with one decimal: "$1.6 billion".
money-usd-billions = ${ $billions } billion
# $thousands thousand millions and $millions millions: "$1 billion 600 million".
money-usd-thousand-millions = ${ $thousands } billion { $millions } million
