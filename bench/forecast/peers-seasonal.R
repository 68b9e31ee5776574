# Companion to /work/shared/peers/peers.R for data with one seasonal period given as a number (monthly 12,
# quarterly 4, or any other), which peers.R cannot express: it knows hourly (24, 168) and daily (7) only.
# Same models, same hold-out, same output files, so bench/forecast/peers.js reads both alike.
# usage: Rscript peers-seasonal.R INPUT.csv PERIOD H OUTDIR [snaive,ets,arima,theta,stlf]
suppressMessages(library(forecast))
args <- commandArgs(TRUE)
input <- args[1]
period <- as.numeric(args[2])
h <- as.integer(args[3])
outdir <- args[4]
models <- if (length(args) >= 5) strsplit(args[5], ",")[[1]] else c("snaive", "ets", "arima", "theta", "stlf")
data <- read.csv(input, stringsAsFactors = FALSE)
levels <- c(80, 95)

# The forecast object's mean and 80% / 95% bounds as plain vectors.
bounds <- function(fc) {
  list(mean = as.numeric(fc$mean),
       lo80 = as.numeric(fc$lower[, 1]), hi80 = as.numeric(fc$upper[, 1]),
       lo95 = as.numeric(fc$lower[, 2]), hi95 = as.numeric(fc$upper[, 2]))
}

fit <- function(model, y) {
  switch(model,
    snaive = bounds(snaive(y, h = h, level = levels)),
    ets = bounds(forecast(ets(y), h = h, level = levels)),
    arima = bounds(forecast(auto.arima(y), h = h, level = levels)),
    theta = bounds(thetaf(y, h = h, level = levels)),
    stlf = bounds(stlf(y, h = h, level = levels)),
    stop(paste("unknown model", model)))
}

forecasts <- list()
times <- list()
for (id in unique(data$unique_id)) {
  rows <- data[data$unique_id == id, ]
  rows <- rows[order(rows$ds), ]
  n <- nrow(rows)
  y <- ts(rows$y[1:(n - h)], frequency = period)
  held_out_ds <- rows$ds[(n - h + 1):n]
  for (model in models) {
    started <- proc.time()[["elapsed"]]
    result <- tryCatch(fit(model, y), error = function(e) NULL)
    seconds <- proc.time()[["elapsed"]] - started
    times[[length(times) + 1]] <- data.frame(unique_id = id, model = model, seconds = seconds, ok = !is.null(result))
    if (!is.null(result)) {
      forecasts[[length(forecasts) + 1]] <- data.frame(unique_id = id, model = model, ds = held_out_ds,
        mean = result$mean, lo80 = result$lo80, hi80 = result$hi80, lo95 = result$lo95, hi95 = result$hi95)
    }
  }
}
write.csv(do.call(rbind, forecasts), file.path(outdir, "peer_forecasts.csv"), row.names = FALSE)
write.csv(do.call(rbind, times), file.path(outdir, "peer_times.csv"), row.names = FALSE)
