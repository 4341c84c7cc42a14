package fr.marstek.automation.simulator;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusServices;
import fr.marstek.automation.device.DeviceMode;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers function codes 3 (read holding registers) and 6 (write single register) on the simulated
 * battery; the other codes get the library's "illegal function". A request to another unit id gets
 * no answer, as behind a real gateway.
 */
final class ModbusRequests implements ModbusServices {

  private static final int LARGEST_SETPOINT_W = 2500;

  private final SimulatedBattery battery;
  private final ModbusRegisterImage image;
  private final ModbusQuirks quirks;
  private final int unit;
  private final AtomicLong requests = new AtomicLong();
  private volatile boolean silent;

  ModbusRequests(
      SimulatedBattery battery, ModbusRegisterImage image, ModbusQuirks quirks, int unit) {
    this.battery = battery;
    this.image = image;
    this.quirks = quirks;
    this.unit = unit;
  }

  SimulatedBattery battery() {
    return battery;
  }

  ModbusQuirks quirks() {
    return quirks;
  }

  long requests() {
    return requests.get();
  }

  void silence(boolean value) {
    silent = value;
  }

  @Override
  public ReadHoldingRegistersResponse readHoldingRegisters(
      ModbusRequestContext context, int unitId, ReadHoldingRegistersRequest request)
      throws ModbusResponseException, UnknownUnitIdException {
    admit(unitId);
    var snapshot = battery.modbusSnapshot();
    byte[] bytes = new byte[request.quantity() * 2];
    for (int i = 0; i < request.quantity(); i++) {
      int address = request.address() + i;
      OptionalInt word = image.word(address, snapshot);
      if (word.isEmpty()) {
        quirks.undefinedAddressRead();
        throw new ModbusResponseException(
            FunctionCode.READ_HOLDING_REGISTERS, ExceptionCode.ILLEGAL_DATA_ADDRESS);
      }
      if (address == ModbusRegisterImage.WORK_MODE
          && snapshot.reading().mode() == DeviceMode.AI
          && !snapshot.external().on()) {
        quirks.aiServedAsSelfConsumption();
      }
      bytes[2 * i] = (byte) (word.getAsInt() >> 8);
      bytes[2 * i + 1] = (byte) word.getAsInt();
    }
    return new ReadHoldingRegistersResponse(bytes);
  }

  @Override
  public WriteSingleRegisterResponse writeSingleRegister(
      ModbusRequestContext context, int unitId, WriteSingleRegisterRequest request)
      throws ModbusResponseException, UnknownUnitIdException {
    admit(unitId);
    int value = request.value();
    ForceCommand x = battery.externalControl();
    switch (request.address()) {
      case ModbusRegisterImage.CONTROL -> {
        switch (value) {
          case ModbusRegisterImage.CONTROL_ON -> battery.enableExternalControl();
          case ModbusRegisterImage.CONTROL_OFF -> battery.releaseExternalControl();
          default -> throw refused(); // the v3 rejects plain 0/1 (spec 6)
        }
      }
      case ModbusRegisterImage.FORCE_MODE -> {
        require(value >= 0 && value <= 2);
        force(x, new ForceCommand(x.on(), value, x.chargeW(), x.dischargeW()));
      }
      case ModbusRegisterImage.CHARGE_POWER -> {
        require(value <= LARGEST_SETPOINT_W);
        force(x, new ForceCommand(x.on(), x.forceMode(), value, x.dischargeW()));
      }
      case ModbusRegisterImage.DISCHARGE_POWER -> {
        require(value <= LARGEST_SETPOINT_W);
        force(x, new ForceCommand(x.on(), x.forceMode(), x.chargeW(), value));
      }
      case ModbusRegisterImage.WORK_MODE -> {
        require(value >= 0 && value <= 2);
        if (x.on()) {
          quirks.workModeWriteEndedControl();
        }
        battery.setMode(
            switch (value) {
              case 0 -> DeviceMode.MANUAL;
              case 1 -> DeviceMode.AUTO;
              default -> DeviceMode.AI;
            });
      }
      case ModbusRegisterImage.REBOOT -> {
        require(value == ModbusRegisterImage.CONTROL_ON);
        quirks.controlLostAtReboot(battery.reboot());
      }
      default ->
          throw new ModbusResponseException(
              FunctionCode.WRITE_SINGLE_REGISTER, ExceptionCode.ILLEGAL_DATA_ADDRESS);
    }
    return new WriteSingleRegisterResponse(request.address(), value);
  }

  private void admit(int unitId) throws UnknownUnitIdException {
    requests.incrementAndGet();
    if (silent || unitId != unit) {
      throw new UnknownUnitIdException(unitId);
    }
  }

  private void force(ForceCommand before, ForceCommand after) {
    if (!before.on()) {
      quirks.forceWriteNotObeyed(); // acknowledged all the same: only 42000 tells (spec 7.1)
    }
    battery.writeForce(after.forceMode(), after.chargeW(), after.dischargeW());
  }

  private static void require(boolean valid) throws ModbusResponseException {
    if (!valid) {
      throw refused();
    }
  }

  private static ModbusResponseException refused() {
    return new ModbusResponseException(
        FunctionCode.WRITE_SINGLE_REGISTER, ExceptionCode.ILLEGAL_DATA_VALUE);
  }
}
