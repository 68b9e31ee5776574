# R's forecast::croston (Croston 1972, smoothing constant 0.1 as forecast's default) and forecast::auto.arima
# for the ARIMA and intermittent tables of bench:forecast (bench/forecast/arima-tables.js). Same input and
# output files as peers-seasonal.R; croston gives no intervals, so its bounds are NA.
# usage: Rscript peers-croston.R INPUT.csv PERIOD H OUTDIR MODELS [MAX_SECONDS]
# MODELS: comma-separated, from croston, arima. MAX_SECONDS (default none): once the fits of a model have taken
# that long in all, its remaining series are skipped (auto.arima on 24-hour seasons takes minutes a series).
suppressMessages(library(forecast))
args <- commandArgs(TRUE)
input <- args[1]
period <- as.numeric(args[2])
h <- as.integer(args[3])
outdir <- args[4]
models <- strsplit(args[5], ",")[[1]]
budget <- if (length(args) >= 6) as.numeric(args[6]) else Inf
data <- read.csv(input, stringsAsFactors = FALSE)
levels <- c(80, 95)

bounds <- function(fc) {
  if (is.null(fc$lower)) {
    na <- rep(NA_real_, h)
    return(list(mean = as.numeric(fc$mean), lo80 = na, hi80 = na, lo95 = na, hi95 = na))
  }
  list(mean = as.numeric(fc$mean),
       lo80 = as.numeric(fc$lower[, 1]), hi80 = as.numeric(fc$upper[, 1]),
       lo95 = as.numeric(fc$lower[, 2]), hi95 = as.numeric(fc$upper[, 2]))
}

fit <- function(model, y) {
  switch(model,
    croston = bounds(croston(y, h = h)),
    arima = bounds(forecast(auto.arima(y), h = h, level = levels)),
    stop(paste("unknown model", model)))
}

forecasts <- list()
times <- list()
spent <- setNames(rep(0, length(models)), models)
for (id in unique(data$unique_id)) {
  rows <- data[data$unique_id == id, ]
  rows <- rows[order(rows$ds), ]
  n <- nrow(rows)
  y <- ts(rows$y[1:(n - h)], frequency = period)
  held_out_ds <- rows$ds[(n - h + 1):n]
  for (model in models) {
    if (spent[[model]] > budget) next
    started <- proc.time()[["elapsed"]]
    result <- tryCatch(fit(model, y), error = function(e) NULL)
    seconds <- proc.time()[["elapsed"]] - started
    spent[[model]] <- spent[[model]] + seconds
    times[[length(times) + 1]] <- data.frame(unique_id = id, model = model, seconds = seconds, ok = !is.null(result))
    if (!is.null(result)) {
      forecasts[[length(forecasts) + 1]] <- data.frame(unique_id = id, model = model, ds = held_out_ds,
        mean = result$mean, lo80 = result$lo80, hi80 = result$hi80, lo95 = result$lo95, hi95 = result$hi95)
    }
  }
}
write.csv(do.call(rbind, forecasts), file.path(outdir, "peer_forecasts.csv"), row.names = FALSE)
write.csv(do.call(rbind, times), file.path(outdir, "peer_times.csv"), row.names = FALSE)
