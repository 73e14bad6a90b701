// What every `octroi` command shares: its usage text and the error that prints it.

export const USAGE = `Usage: octroi <command>
  start [--demo]                    start the server (--demo: load the demo data once)
  migrate                           create or update the database schema
  demo                              load the demo data (once)
  admin create --email E [--name N] [--password P]
                                    create an administrator of the installation
  audit verify                      check the audit trail's hash chain against its checkpoints
  backup --output FILE.tar.gz       the database and the stored files in one archive
  restore --input FILE.tar.gz [--force]
                                    put an archive back (--force: replace what is there)
  assign --input FILE               best juror assignment (JSON in, JSON out)
  calibrate --input FILE            raw and calibrated scores, juror offsets (JSON in, JSON out)
  allocate --input FILE             selection within budget (JSON in, JSON out)
  help                              this text`;

/** Wrong arguments: the command exits 2 with the message and the usage. */
export class UsageError extends Error {}
