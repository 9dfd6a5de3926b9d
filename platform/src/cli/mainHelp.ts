/** What `envelope`, `envelope --help` and `envelope help` print. */
export const mainHelp = `envelope: the Model Envelope platform

Usage: envelope <command> [options]

Commands:
  usage            new users, calls and failure rate per function, top errors
  registry         run the registry
  token create     issue a bearer token for a user of a team (also: list, revoke)
  serve MODEL      serve a model's predictions over HTTP (churn@3 or name=churn,stage=prod)
  batch MODEL      run a model over Parquet or CSV files, writing Parquet (--input, --output)
  runs MODEL       the batch runs of a model, newest first: rows, duration, who, drift
  deploy-rule add  which service runs the newest model with which tags (also: list)
  reconcile        start or restart the services whose rule matches a newer model

Run \`envelope <command> --help\` for a command's options.`;
