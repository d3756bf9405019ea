# Dates and amounts, built by src/format.rs. Numbers come as digits; each
# pattern is a whole phrase, so each language orders its parts itself.

## Dates. $day and $year are digits; $month (and $start-month, $end-month)
## is the month's name from date-month-name.

# The name of month number $month (1 to 12), as used inside a date.
date-month-name =
    { $month ->
        [1] enero
        [2] febrero
        [3] marzo
        [4] abril
        [5] mayo
        [6] junio
        [7] julio
        [8] agosto
        [9] septiembre
        [10] octubre
        [11] noviembre
       *[12] diciembre
    }
# A day: "15 de enero de 2026".
date-day = { $day } de { $month } de { $year }
# A month: "febrero de 2026".
date-month = { $month } de { $year }
# Days of one month: "10–11 de febrero de 2026".
date-range-days = { $start-day }–{ $end-day } de { $month } de { $year }
# Days across months of one year: "28 de febrero al 2 de marzo de 2026".
date-range-days-months = { $start-day } de { $start-month } al { $end-day } de { $end-month } de { $year }
# Days across years: "30 de diciembre de 2025 al 2 de enero de 2026".
date-range-days-years = { $start-day } de { $start-month } de { $start-year } al { $end-day } de { $end-month } de { $end-year }
# Months of one year: "febrero a marzo de 2026".
date-range-months = { $start-month } a { $end-month } de { $year }
# Months across years: "octubre de 2009 a enero de 2011".
date-range-months-years = { $start-month } de { $start-year } a { $end-month } de { $end-year }
# Years: "2018–2019".
date-range-years = { $start-year }–{ $end-year }

## Amounts in US dollars, as the Mexican press writes them. format_usd picks
## the message: below a thousand, or not a round thousand, money-usd; round
## thousands, money-usd-thousands; millions (rounded to a tenth),
## money-usd-millions or money-usd-millions-decimal; from a thousand million
## (rounded to a whole million), money-usd-thousand-millions. money-usd-billions
## is the English press's form, here for parity.

# "1 dólar", "90,500 dólares".
money-usd =
    { $amount ->
        [one] { $amount } dólar
       *[other] { $amount } dólares
    }
# "mil dólares", "90 mil dólares".
money-usd-thousands =
    { $thousands ->
        [one] mil dólares
       *[other] { $thousands } mil dólares
    }
# "1 millón de dólares", "465 millones de dólares".
money-usd-millions =
    { $millions ->
        [one] { $millions } millón de dólares
       *[other] { $millions } millones de dólares
    }
# $millions is digits with one decimal: "1.5 millones de dólares".
money-usd-millions-decimal = { $millions } millones de dólares
# $billions is digits, perhaps with one decimal: "1.6 mil millones de dólares".
money-usd-billions = { $billions } mil millones de dólares
# $thousands thousand millions and $millions millions: "mil 600 millones de
# dólares", "2 mil millones de dólares".
money-usd-thousand-millions =
    { $thousands ->
        [one] mil
       *[other] { $thousands } mil
    } { $millions ->
        [0] millones
       *[other] { $millions } millones
    } de dólares
