import { describe, expect, it } from "vitest";
import { guessMapping } from "./guess-mapping";

describe("guessMapping", () => {
  it("maps known customer headers and keeps the rest as traits", () => {
    expect(guessMapping("customers", ["E-mail", "First Name", "Surname", "Mobile", "Loyalty Tier", "Country"])).toEqual(
      {
        "E-mail": "email",
        "First Name": "first_name",
        Surname: "last_name",
        Mobile: "phone",
        "Loyalty Tier": "trait:Loyalty_Tier",
        Country: "country",
      },
    );
  });
  it("maps order headers and ignores unknown ones; a field is used once", () => {
    expect(guessMapping("orders", ["Order ID", "Customer", "Placed At", "Amount", "Email", "Notes"])).toEqual({
      "Order ID": "order_id",
      Customer: "email",
      "Placed At": "date",
      Amount: "total",
      Email: "ignore",
      Notes: "ignore",
    });
  });
});
