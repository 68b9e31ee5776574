# Rscript bench/forecast/held-out.R OUT_DIR — writes series from R packages that the benchmark's six data sets do
# not hold, as long CSV (unique_id,ds,y), for checking a change to the automatic model on data it was not tuned on:
# quarterly and monthly economic and environmental series (R datasets, AER, urca, tseries, strucchange, boot) and
# daily ridership of ten Chicago L stations over the last 364 days (modeldata::Chicago), and their weekly
# ridership over the last 240 weeks. Series are cut to their last 240 points; packages that are not installed are
# skipped. (AER's ArgentinaCPI is left out: in its hyperinflation the test windows' errors are hundreds of times the
# in-sample seasonal naive error, so its MASE would outweigh every other series in the mean.)
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "."
pick <- function(pkg, name, column = NULL) {
  if (!requireNamespace(pkg, quietly = TRUE)) return(NULL)
  env <- new.env()
  data(list = name, package = pkg, envir = env)
  x <- get(name, envir = env)
  if (!is.null(column)) x <- x[, column]
  x <- na.omit(x)
  id <- if (is.null(column)) name else paste0(name, ".", column)
  list(id = id, x = x)
}
write_long <- function(series, path) {
  rows <- lapply(series, function(s) {
    x <- s$x
    n <- length(x)
    keep <- max(1, n - 239):n
    t <- time(x)[keep]
    f <- frequency(x)
    year <- floor(t + 1e-9)
    month <- round((t - year) * f) * (12 / f) + 1
    data.frame(unique_id = s$id, ds = sprintf("%04d-%02d-01", as.integer(year), as.integer(month)), y = as.numeric(x)[keep])
  })
  write.csv(do.call(rbind, rows), path, row.names = FALSE, quote = FALSE)
}
quarterly <- Filter(Negate(is.null), list(
  pick("datasets", "JohnsonJohnson"), pick("datasets", "austres"), pick("AER", "USMacroG", "cpi"),
  pick("AER", "UKNonDurables"), pick("AER", "GermanUnemployment", "unadjusted"), pick("AER", "USProdIndex", "unadjusted"),
  pick("AER", "USMacroG", "gdp"), pick("AER", "USMacroG", "consumption"), pick("AER", "USMacroG", "invest"),
  pick("AER", "USMacroG", "unemp"), pick("AER", "USMoney", "m1"), pick("urca", "UKconsumption", "cons")
))
monthly <- Filter(Negate(is.null), list(
  pick("AER", "DutchSales"), pick("AER", "FrozenJuice", "price"), pick("AER", "PepperPrice", "black"),
  pick("AER", "USMacroSWM", "production"), pick("AER", "USMacroSWM", "cpi"), pick("strucchange", "USIncExp", "expenditure"),
  pick("tseries", "nino", "nino3"), pick("boot", "manaus"), pick("datasets", "Seatbelts", "front"),
  pick("datasets", "Seatbelts", "rear"), pick("datasets", "Seatbelts", "VanKilled"), pick("datasets", "sunspots")
))
write_long(quarterly, file.path(out, "held-out-quarterly.csv"))
write_long(monthly, file.path(out, "held-out-monthly.csv"))
if (requireNamespace("modeldata", quietly = TRUE)) {
  env <- new.env()
  data("Chicago", package = "modeldata", envir = env)
  chicago <- get("Chicago", envir = env)
  last <- tail(chicago, 364)
  stations <- c("Austin", "Quincy_Wells", "Belmont", "Archer_35th", "Oak_Park", "Western", "Clark_Lake", "Clinton", "Harlem", "Kedzie")
  rows <- do.call(rbind, lapply(stations, function(s) data.frame(unique_id = s, ds = format(last$date), y = last[[s]])))
  write.csv(rows, file.path(out, "held-out-daily.csv"), row.names = FALSE, quote = FALSE)
  # The same stations by week (Monday to Sunday; the data start on a Monday and end on a Sunday), the last 240
  # weeks of 2001-2016: a yearly season of 52 weeks that no choice of the automatic model was made on.
  week <- as.integer(chicago$date - chicago$date[1]) %/% 7
  whole <- week < length(chicago$date) %/% 7
  weeks <- unique(week[whole])
  keep <- tail(weeks, 240)
  mondays <- chicago$date[1] + 7 * keep
  rows <- do.call(rbind, lapply(stations, function(s) {
    totals <- tapply(chicago[[s]][whole], week[whole], sum)
    data.frame(unique_id = s, ds = format(mondays), y = round(as.numeric(totals[as.character(keep)]), 3))
  }))
  write.csv(rows, file.path(out, "held-out-weekly.csv"), row.names = FALSE, quote = FALSE)
}
