// Every page's script: start the NHS.UK design system's components, then our own.
import { initAll } from "../nhsuk/nhsuk-frontend.min.js";
import "./radios.js";
import "./copy.js";
import "./details-target.js";

initAll();
