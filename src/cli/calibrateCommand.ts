// `octroi calibrate --input FILE`: raw and calibrated scores per application, offsets per juror,
// as JSON (see domain/calibration/calibrate.ts). Exit 0, or 2 for invalid input.
import { calibrate } from '../domain/calibration/calibrate.ts';
import { calibrationInputSchema, checkScores } from '../domain/calibration/input.ts';
import { invalidInput, parseJson, runJsonCommand, type CommandOutput, type CommandResult } from './jsonInput.ts';

export function runCalibrate(inputText: string): CommandResult {
  const parsed = parseJson(calibrationInputSchema, inputText);
  if (!parsed.ok) return invalidInput('calibrate', parsed.message);
  const errors = checkScores(parsed.data);
  if (errors.length) return invalidInput('calibrate', errors.join('; '));
  return { stdout: JSON.stringify(calibrate(parsed.data)) + '\n', stderr: '', code: 0 };
}

/** The command as main.ts calls it: `args` are what follows `calibrate`. */
export function calibrateCommand(args: string[], output?: CommandOutput): Promise<number> {
  return runJsonCommand('calibrate', args, runCalibrate, output);
}
